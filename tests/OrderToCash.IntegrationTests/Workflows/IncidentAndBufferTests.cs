using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Runtime.State;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Workflows;

/// <summary>Waits that come due, and messages that arrive, while an instance is stopped by an incident are not lost.</summary>
public sealed class IncidentAndBufferTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task A_timer_due_during_an_incident_stays_and_fires_after_the_retry()
    {
        var harness = await WorkflowHarness.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString());
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "incident-beside-waits.bpmn");
        var started = await host.StartAsync("incident-beside-waits", new Dictionary<string, object?> { ["caseId"] = "C-1" }, null, CancellationToken.None);
        started.Status.Should().Be(InstanceStatus.Incident);

        harness.Clock.Advance(TimeSpan.FromHours(2));
        (await host.Dispatcher().FireDueTimersAsync(CancellationToken.None)).Should().Be(0, "the instance is stopped");
        await using (var db = harness.NewContext())
        {
            (await db.Set<TimerRecord>().CountAsync()).Should().Be(1, "the due timer is kept for after the incident");
        }

        harness.Flaky.Healthy = true;
        await host.RetryAsync(started.Id, CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        (await host.Dispatcher().FireDueTimersAsync(CancellationToken.None)).Should().Be(1);

        var path = (await harness.Reader.GetAsync(started.Id, CancellationToken.None))!.Path;
        path.Should().Contain(v => v.ElementId == "remind" && v.Outcome == "Completed");
    }

    [Fact]
    public async Task A_message_that_arrives_during_an_incident_is_buffered_and_delivered_by_the_retry()
    {
        var harness = await WorkflowHarness.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString());
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "incident-beside-waits.bpmn");
        var started = await host.StartAsync("incident-beside-waits", new Dictionary<string, object?> { ["caseId"] = "C-2" }, null, CancellationToken.None);

        var during = await host.CorrelateAsync(new IncomingMessage("payment-received", "C-2", "pay-2"), CancellationToken.None);
        harness.Flaky.Healthy = true;
        await host.RetryAsync(started.Id, CancellationToken.None);

        during.Outcome.Should().Be(CorrelationOutcome.Buffered);
        var path = (await harness.Reader.GetAsync(started.Id, CancellationToken.None))!.Path;
        path.Should().Contain(v => v.ElementId == "waitPayment" && v.Outcome == "Completed", "the retry delivered the buffered payment");
        await using var db = harness.NewContext();
        (await db.Set<MessageRecord>().SingleAsync()).Status.Should().Be(MessageStatus.Delivered);
    }

    [Fact]
    public async Task The_sweep_delivers_a_message_buffered_while_its_wait_was_being_created_and_expires_old_ones()
    {
        var harness = await WorkflowHarness.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString());
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "invoice-payment.bpmn");
        var started = await host.StartAsync("invoice-payment", null, null, CancellationToken.None);
        // What a race at READ COMMITTED leaves behind: the payment buffered although its wait exists.
        await using (var db = harness.NewContext())
        {
            db.Add(new MessageRecord { MessageId = "raced", Name = "payment-received", CorrelationKey = "FA-2026-000001", ReceivedAt = WorkflowHarness.Start, ExpiresAt = WorkflowHarness.Start.AddDays(1), Status = MessageStatus.Buffered });
            db.Add(new MessageRecord { MessageId = "old", Name = "payment-received", CorrelationKey = "nobody", ReceivedAt = WorkflowHarness.Start.AddDays(-9), ExpiresAt = WorkflowHarness.Start.AddDays(-2), Status = MessageStatus.Buffered });
            await db.SaveChangesAsync();
        }

        (await host.Dispatcher().DeliverBufferedMessagesAsync(CancellationToken.None)).Should().Be(1);

        (await harness.Reader.GetAsync(started.Id, CancellationToken.None))!.State.Status.Should().Be(InstanceStatus.Completed);
        await using var check = harness.NewContext();
        (await check.Set<MessageRecord>().SingleAsync(m => m.MessageId == "old")).Status.Should().Be(MessageStatus.Expired);
    }

    [Fact]
    public async Task A_cancelled_instance_leaves_no_open_visit_behind()
    {
        var harness = await WorkflowHarness.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString());
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "approval.bpmn");
        var started = await host.StartAsync("approval", null, null, CancellationToken.None);

        await host.CancelAsync(started.Id, CancellationToken.None);

        var statistics = await harness.Reader.ElementStatisticsAsync("approval", WorkflowHarness.Start, CancellationToken.None);
        statistics.Should().OnlyContain(s => s.WaitingNow == 0);
        (await harness.Reader.GetAsync(started.Id, CancellationToken.None))!.Path.Should().Contain(v => v.ElementId == "approve" && v.Outcome == "Cancelled");
    }

    public void Dispose() => directory.Dispose();
}
