using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Dunning;

namespace OrderToCash.IntegrationTests.Remind;

public sealed class OutboxTests : IAsyncLifetime, IDisposable
{
    private readonly RemindHost host = new();

    public Task InitializeAsync() => host.PublishAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Replaying_a_step_whose_reminder_was_written_does_not_write_it_again()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));
        await host.AdvanceToAsync(new DateOnly(2026, 3, 30));
        // As if the level update of the last evaluation had been lost: the next evaluation decides the same steps again.
        await using (var db = host.NewContext())
        {
            var invoice = await db.Set<Core.Invoicing.Invoice>().SingleAsync(i => i.Number == number);
            invoice.ReminderLevel = 0;
            await db.SaveChangesAsync();
        }

        for (var i = 0; i < 3; i++)
        {
            await host.Services.GetRequiredService<Engine.Durable.DurableWorkflowRuntime>()
                .CorrelateAsync(new Engine.Durable.IncomingMessage(Core.Processes.CycleMessages.DunningReplan, number, $"replay-{i}"), CancellationToken.None);
        }

        var steps = (await host.RemindersAsync(number)).Select(r => r.Step).ToList();
        steps.Should().Equal("PreDueNotice", "SalespersonCordialCall", "FormalReminder");
        (await host.InvoiceAsync(number)).ReminderLevel.Should().Be(3);
    }

    [Fact]
    public async Task A_host_crash_between_steps_neither_loses_nor_duplicates_a_reminder()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));
        await host.AdvanceToAsync(new DateOnly(2026, 3, 16));
        await host.RestartAsync();
        await host.AdvanceToAsync(new DateOnly(2026, 3, 29));
        await host.RestartAsync();
        // The host was down on the formal reminder's day: the durable timer fires once after the restart.
        host.Clock.Advance(TimeSpan.FromDays(2));
        await host.DispatchAsync();
        await host.DispatchAsync();

        (await host.RemindersAsync(number)).Select(r => r.Step).Should().Equal("PreDueNotice", "SalespersonCordialCall", "FormalReminder");
        Directory.GetFiles(Path.Combine(host.OutboxFolder, "C-0001")).Should().HaveCount(3);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_and_marked_failed_after_the_last_attempt()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15), startDunning: false);
        await using (var db = host.NewContext())
        {
            var invoice = await db.Set<Core.Invoicing.Invoice>().SingleAsync(i => i.Number == number);
            db.Add(new Reminder
            {
                InvoiceId = invoice.Id, InvoiceNumber = number, CustomerId = "C-0001", Step = "FinalNotice", Level = 4, Channel = ReminderChannelKind.Letter,
                Recipient = "x", Subject = "s", Body = "b", AmountDue = 2_400m, Currency = "EUR", CreatedAt = host.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        var options = host.Services.GetRequiredService<ReminderOptions>();
        var failing = new ReminderDelivery(host.Services.GetRequiredService<Func<Core.Infrastructure.Persistence.OrderToCashDbContext>>(), new FailingChannel(), options, host.Clock);
        for (var attempt = 1; attempt < options.MaxAttempts; attempt++)
        {
            await failing.DeliverPendingAsync(CancellationToken.None);
        }

        var retried = (await host.RemindersAsync(number)).Single();
        retried.Status.Should().Be(ReminderDeliveryStatus.Pending);
        retried.Attempts.Should().Be(options.MaxAttempts - 1);
        retried.LastError.Should().Be("printer offline");

        await failing.DeliverPendingAsync(CancellationToken.None);

        (await host.RemindersAsync(number)).Single().Status.Should().Be(ReminderDeliveryStatus.Failed);
    }

    [Fact]
    public async Task The_scheduler_holds_the_delivery_job_with_its_repeating_trigger()
    {
        var scheduler = await host.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();

        (await scheduler.GetJobDetail(ReminderDeliveryJob.Key)).Should().NotBeNull();
        (await scheduler.GetTrigger(new Quartz.TriggerKey("reminder-delivery", "dunning"))).Should().BeAssignableTo<Quartz.ISimpleTrigger>()
            .Which.RepeatInterval.Should().Be(TimeSpan.FromSeconds(30));
        (await scheduler.GetJobDetail(Core.Infrastructure.Workflows.WorkflowDispatchJob.Key)).Should().NotBeNull("adding a job keeps the scheduler's own jobs");
    }

    private sealed class FailingChannel : IReminderChannel
    {
        public Task DeliverAsync(Reminder reminder, CancellationToken cancellationToken) => throw new IOException("printer offline");
    }
}
