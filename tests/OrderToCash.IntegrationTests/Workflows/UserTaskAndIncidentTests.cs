using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Runtime.State;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Workflows;

public sealed class UserTaskAndIncidentTests : IDisposable
{
    private static readonly string[] CreditManager = ["CreditManager"];
    private readonly TempDirectory directory = new();

    private async Task<(WorkflowHarness Harness, DurableWorkflowRuntime Host)> StartAsync(params string[] fixtures)
    {
        var harness = await WorkflowHarness.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString());
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, fixtures);
        return (harness, host);
    }

    [Fact]
    public async Task A_user_task_reaches_the_role_inbox_is_claimed_then_completed_with_its_outputs()
    {
        var (harness, host) = await StartAsync("approval.bpmn");
        var started = await host.StartAsync("approval", null, "order-7", CancellationToken.None);

        var inbox = await harness.Reader.InboxAsync("claire", CreditManager, CancellationToken.None);
        var task = inbox.Should().ContainSingle().Subject;
        task.Name.Should().Be("Approve the release");
        task.BusinessKey.Should().Be("order-7");
        task.DueAt.Should().Be(WorkflowHarness.Start.AddHours(24));
        (await harness.Reader.InboxAsync("sam", ["Salesperson"], CancellationToken.None)).Should().BeEmpty();

        await host.ClaimAsync(task.Id, "claire", CreditManager, CancellationToken.None);
        var stolen = () => host.ClaimAsync(task.Id, "charles", CreditManager, CancellationToken.None);
        await stolen.Should().ThrowAsync<UserTaskException>().WithMessage("*claimed by claire*");
        var completedByOther = () => host.CompleteAsync(task.Id, "charles", CreditManager, new Dictionary<string, object?> { ["decision"] = "approve" }, CancellationToken.None);
        await completedByOther.Should().ThrowAsync<UserTaskException>().WithMessage("*only its assignee*");

        var done = await host.CompleteAsync(task.Id, "claire", CreditManager, new Dictionary<string, object?> { ["decision"] = "approve" }, CancellationToken.None);

        done.Status.Should().Be(InstanceStatus.Completed);
        var instance = await harness.Reader.GetAsync(started.Id, CancellationToken.None);
        instance!.State.Variables["decision"]!.ToString().Should().Be("APPROVE");
        (await harness.Reader.InboxAsync("claire", CreditManager, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Outputs_that_do_not_fit_the_task_are_refused_and_the_task_stays_open()
    {
        var (harness, host) = await StartAsync("approval.bpmn");
        var started = await host.StartAsync("approval", null, null, CancellationToken.None);
        var task = (await harness.Reader.InboxAsync("claire", CreditManager, CancellationToken.None)).Single();

        var missing = () => host.CompleteAsync(task.Id, "claire", CreditManager, new Dictionary<string, object?> { ["verdict"] = "approve" }, CancellationToken.None);

        await missing.Should().ThrowAsync<UserTaskException>().WithMessage("*'decision'*");
        (await harness.Reader.InboxAsync("claire", CreditManager, CancellationToken.None)).Should().ContainSingle();
        (await harness.Reader.GetAsync(started.Id, CancellationToken.None))!.State.Status.Should().Be(InstanceStatus.Running);
    }

    [Fact]
    public async Task A_task_for_another_role_does_not_exist_for_the_user()
    {
        var (harness, host) = await StartAsync("approval.bpmn");
        await host.StartAsync("approval", null, null, CancellationToken.None);
        var task = (await harness.Reader.InboxAsync("claire", CreditManager, CancellationToken.None)).Single();

        var claim = () => host.ClaimAsync(task.Id, "sam", ["Salesperson"], CancellationToken.None);

        await claim.Should().ThrowAsync<KeyNotFoundException>();
    }

    [Fact]
    public async Task The_sla_timer_on_a_user_task_escalates_and_cancels_the_task()
    {
        var (harness, host) = await StartAsync("approval.bpmn");
        var started = await host.StartAsync("approval", null, null, CancellationToken.None);
        var task = (await harness.Reader.InboxAsync("claire", CreditManager, CancellationToken.None)).Single();

        harness.Clock.Advance(TimeSpan.FromHours(25));
        (await host.Dispatcher().FireDueTimersAsync(CancellationToken.None)).Should().Be(1);

        var instance = await harness.Reader.GetAsync(started.Id, CancellationToken.None);
        instance!.State.Status.Should().Be(InstanceStatus.Completed);
        instance.Path.Select(v => v.ElementId).Should().Contain("escalated");
        instance.Path.Should().Contain(v => v.ElementId == "approve" && v.Outcome == "Cancelled", "the SLA timer interrupted the task");
        var late = () => host.CompleteAsync(task.Id, "claire", CreditManager, new Dictionary<string, object?> { ["decision"] = "approve" }, CancellationToken.None);
        await late.Should().ThrowAsync<UserTaskException>().WithMessage("*cancelled*");
    }

    [Fact]
    public async Task A_failing_handler_raises_an_incident_retried_with_back_off_then_left_to_a_person_and_its_writes_are_undone()
    {
        var (harness, host) = await StartAsync("flaky.bpmn");
        var started = await host.StartAsync("flaky", null, null, CancellationToken.None);

        started.Status.Should().Be(InstanceStatus.Incident);
        (await harness.NumbersTakenAsync()).Should().Be(0, "the failed handler's number was rolled back with it");
        var incident = (await harness.Reader.IncidentsAsync(CancellationToken.None)).Single();
        incident.IncidentElementId.Should().Be("call");
        incident.IncidentMessage.Should().Contain("The downstream system is unavailable.");
        incident.NextRetryAt.Should().Be(WorkflowHarness.Start.AddMinutes(1));

        (await host.Dispatcher().RetryDueIncidentsAsync(CancellationToken.None)).Should().Be(0, "the back-off has not elapsed");
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        (await host.Dispatcher().RetryDueIncidentsAsync(CancellationToken.None)).Should().Be(1);
        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        (await host.Dispatcher().RetryDueIncidentsAsync(CancellationToken.None)).Should().Be(1);
        var exhausted = (await harness.Reader.IncidentsAsync(CancellationToken.None)).Single();
        exhausted.NextRetryAt.Should().BeNull("after the automatic retries a person decides");
        harness.Flaky.Calls.Should().Be(3);

        harness.Flaky.Healthy = true;
        var retried = await host.RetryAsync(started.Id, CancellationToken.None);

        retried.Status.Should().Be(InstanceStatus.Completed);
        (await harness.Reader.IncidentsAsync(CancellationToken.None)).Should().BeEmpty();
        (await harness.NumbersTakenAsync()).Should().Be(1, "only the successful attempt's write remains");
    }

    [Fact]
    public async Task Cancelling_an_instance_removes_its_waits_and_cancels_its_tasks()
    {
        var (harness, host) = await StartAsync("approval.bpmn");
        var started = await host.StartAsync("approval", null, null, CancellationToken.None);

        var cancelled = await host.CancelAsync(started.Id, CancellationToken.None);

        cancelled.Status.Should().Be(InstanceStatus.Cancelled);
        (await harness.Reader.InboxAsync("claire", CreditManager, CancellationToken.None)).Should().BeEmpty();
        harness.Clock.Advance(TimeSpan.FromDays(2));
        (await host.Dispatcher().FireDueTimersAsync(CancellationToken.None)).Should().Be(0);
        var again = () => host.CancelAsync(started.Id, CancellationToken.None);
        await again.Should().ThrowAsync<InstanceStateException>().WithMessage("*already ended*");
    }

    public void Dispose() => directory.Dispose();
}

public sealed class ElementStatisticsTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task Per_element_the_runtime_counts_who_waits_now_and_how_long_passages_took()
    {
        var harness = await WorkflowHarness.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString());
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "approval.bpmn");
        await host.StartAsync("approval", null, null, CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        var second = await host.StartAsync("approval", null, null, CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromHours(2));
        var task = (await harness.Reader.InboxAsync("claire", ["CreditManager"], CancellationToken.None)).Single(t => t.InstanceId == second.Id);
        await host.CompleteAsync(task.Id, "claire", ["CreditManager"], new Dictionary<string, object?> { ["decision"] = "ok" }, CancellationToken.None);

        var statistics = await harness.Reader.ElementStatisticsAsync("approval", WorkflowHarness.Start, CancellationToken.None);

        var approve = statistics.Single(s => s.ElementId == "approve");
        approve.WaitingNow.Should().Be(1);
        approve.OldestWait.Should().Be(TimeSpan.FromHours(3));
        approve.Passages.Should().Be(1);
        approve.MeanTime.Should().Be(TimeSpan.FromHours(2));
        approve.P90Time.Should().Be(TimeSpan.FromHours(2));
    }

    public void Dispose() => directory.Dispose();
}

public sealed class RetryPolicyAndPathTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task An_element_retry_policy_overrides_the_runtime_defaults()
    {
        var harness = await WorkflowHarness.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString());
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "flaky-per-element.bpmn");

        await host.StartAsync("flaky-per-element", null, null, CancellationToken.None);
        var first = (await harness.Reader.IncidentsAsync(CancellationToken.None)).Single();
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        (await host.Dispatcher().RetryDueIncidentsAsync(CancellationToken.None)).Should().Be(1);
        var second = (await harness.Reader.IncidentsAsync(CancellationToken.None)).Single();

        first.NextRetryAt.Should().Be(WorkflowHarness.Start.AddMinutes(10), "o2c:retryBackoff=PT10M, not the runtime's one minute");
        second.NextRetryAt.Should().BeNull("o2c:retries=1: after one automatic retry a person decides");
    }

    [Fact]
    public async Task The_path_records_the_variables_each_element_wrote()
    {
        var harness = await WorkflowHarness.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString());
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "invoice-payment.bpmn");
        var started = await host.StartAsync("invoice-payment", null, null, CancellationToken.None);
        await host.CorrelateAsync(new IncomingMessage("payment-received", "FA-2026-000001", "pay-1", new Dictionary<string, object?> { ["paidAmount"] = 1200.50m }), CancellationToken.None);

        var path = (await harness.Reader.GetAsync(started.Id, CancellationToken.None))!.Path;

        path.Single(v => v.ElementId == "issue").VariablesWritten.Should().Be("""{"invoiceNumber":"FA-2026-000001"}""");
        path.Single(v => v.ElementId == "waitPayment").VariablesWritten.Should().Be("""{"paidAmount":1200.50}""");
        path.Single(v => v.ElementId == "receipt").VariablesWritten.Should().Be("""{"receiptNumber":"FA-2026-000002"}""");
        path.Single(v => v.ElementId == "start").VariablesWritten.Should().BeNull();
    }

    public void Dispose() => directory.Dispose();
}
