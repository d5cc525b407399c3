using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Runtime.State;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Workflows;

/// <summary>Every test runs on a SQLite file and on a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DurableRuntimeTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory directory = new();

    private async Task<WorkflowHarness> Harness(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? await WorkflowHarness.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString())
        : await WorkflowHarness.CreateAsync(DatabaseProvider.PostgreSql, await server.CreateDatabaseAsync());

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task An_instance_waits_in_the_database_and_a_correlated_message_resumes_it_to_the_end(DatabaseProvider provider)
    {
        var harness = await Harness(provider);
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "invoice-payment.bpmn");

        var started = await host.StartAsync("invoice-payment", null, "order-42", CancellationToken.None);
        started.Status.Should().Be(InstanceStatus.Running);
        await using (var db = harness.NewContext())
        {
            var subscription = await db.Set<SubscriptionRecord>().SingleAsync();
            subscription.MessageName.Should().Be("payment-received");
            subscription.CorrelationKey.Should().Be("FA-2026-000001", "the correlation key is computed from the variables when the wait begins");
        }

        // A new host (as after a restart) delivers the payment.
        var result = await harness.Host("host-b").CorrelateAsync(new IncomingMessage("payment-received", "FA-2026-000001", "pay-1"), CancellationToken.None);

        result.Should().Be(new CorrelationResult(CorrelationOutcome.Delivered, started.Id));
        var instance = await harness.Reader.GetAsync(started.Id, CancellationToken.None);
        instance!.State.Status.Should().Be(InstanceStatus.Completed);
        instance.State.Variables["receiptNumber"]!.ToString().Should().Be("FA-2026-000002");
        instance.Path.Select(v => v.ElementId).Should().Equal("start", "issue", "waitPayment", "receipt", "end");
        instance.Path.Should().OnlyContain(v => v.Outcome == "Completed" && v.LeftAt != null, "every element was left");
        instance.State.History.Should().BeEmpty("the path lives in rows, not in the snapshot");
        (await harness.NumbersTakenAsync()).Should().Be(2);
        await using var check = harness.NewContext();
        (await check.Set<SubscriptionRecord>().CountAsync()).Should().Be(0, "the consumed wait is gone");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_message_id_seen_before_changes_nothing(DatabaseProvider provider)
    {
        var harness = await Harness(provider);
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "invoice-payment.bpmn");
        await host.StartAsync("invoice-payment", null, null, CancellationToken.None);
        var payment = new IncomingMessage("payment-received", "FA-2026-000001", "pay-1");
        await host.CorrelateAsync(payment, CancellationToken.None);

        var again = await host.CorrelateAsync(payment, CancellationToken.None);

        again.Outcome.Should().Be(CorrelationOutcome.Duplicate);
        (await harness.NumbersTakenAsync()).Should().Be(2);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_message_that_arrives_before_its_wait_is_buffered_and_delivered_when_the_wait_begins(DatabaseProvider provider)
    {
        var harness = await Harness(provider);
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "invoice-payment.bpmn");

        var early = await host.CorrelateAsync(new IncomingMessage("payment-received", "FA-2026-000001", "pay-early"), CancellationToken.None);
        var started = await host.StartAsync("invoice-payment", null, null, CancellationToken.None);

        early.Outcome.Should().Be(CorrelationOutcome.Buffered);
        started.Status.Should().Be(InstanceStatus.Completed, "the buffered payment was delivered in the step that began the wait");
        await using var db = harness.NewContext();
        var message = await db.Set<MessageRecord>().SingleAsync();
        message.Status.Should().Be(MessageStatus.Delivered);
        message.DeliveredTo.Should().Be(started.Id);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_buffered_message_past_its_time_to_live_is_not_delivered(DatabaseProvider provider)
    {
        var harness = await Harness(provider);
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "invoice-payment.bpmn");
        await host.CorrelateAsync(new IncomingMessage("payment-received", "FA-2026-000001", "pay-old", TimeToLive: TimeSpan.FromHours(1)), CancellationToken.None);

        harness.Clock.Advance(TimeSpan.FromHours(2));
        var started = await host.StartAsync("invoice-payment", null, null, CancellationToken.None);

        started.Status.Should().Be(InstanceStatus.Running);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_message_start_event_starts_one_instance_per_message(DatabaseProvider provider)
    {
        var harness = await Harness(provider);
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "dispute-intake.bpmn");
        var opened = new IncomingMessage("dispute-opened", "INV-7", "dispute-1", new Dictionary<string, object?> { ["reason"] = "PRICE_ERROR" });

        var first = await host.CorrelateAsync(opened, CancellationToken.None);
        var duplicate = await host.CorrelateAsync(opened, CancellationToken.None);

        first.Outcome.Should().Be(CorrelationOutcome.Started);
        duplicate.Outcome.Should().Be(CorrelationOutcome.Duplicate);
        var instances = await harness.InstancesAsync();
        instances.Should().ContainSingle().Which.BusinessKey.Should().Be("INV-7");
        var inbox = await harness.Reader.InboxAsync("cora", ["Collector"], CancellationToken.None);
        inbox.Should().ContainSingle().Which.Name.Should().Be("Review the dispute");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_timer_due_while_every_host_was_down_fires_once_after_restart(DatabaseProvider provider)
    {
        var harness = await Harness(provider);
        var first = harness.Host("host-a");
        await WorkflowHarness.PublishAsync(first, "reminder.bpmn");
        var started = await first.StartAsync("reminder", null, null, CancellationToken.None);
        (await first.Dispatcher().FireDueTimersAsync(CancellationToken.None)).Should().Be(0, "nothing is due yet");

        // Every host is down for three hours; a new one starts.
        harness.Clock.Advance(TimeSpan.FromHours(3));
        var restarted = harness.Host("host-b");

        (await restarted.Dispatcher().FireDueTimersAsync(CancellationToken.None)).Should().Be(1);
        (await restarted.Dispatcher().FireDueTimersAsync(CancellationToken.None)).Should().Be(0);
        (await first.Dispatcher().FireDueTimersAsync(CancellationToken.None)).Should().Be(0);
        (await harness.Reader.GetAsync(started.Id, CancellationToken.None))!.State.Status.Should().Be(InstanceStatus.Completed);
        (await harness.NumbersTakenAsync()).Should().Be(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_crash_in_the_middle_of_a_handler_loses_nothing_and_the_redelivered_message_runs_the_step_once(DatabaseProvider provider)
    {
        var harness = await Harness(provider);
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "invoice-payment.bpmn");
        var started = await host.StartAsync("invoice-payment", null, null, CancellationToken.None);
        var payment = new IncomingMessage("payment-received", "FA-2026-000001", "pay-1");

        using var crash = new CancellationTokenSource();
        harness.Numbers.CrashNextCall = crash;
        var crashed = () => host.CorrelateAsync(payment, crash.Token);
        await crashed.Should().ThrowAsync<OperationCanceledException>();

        (await harness.NumbersTakenAsync()).Should().Be(1, "the crashed step's number was never committed");
        await using (var db = harness.NewContext())
        {
            (await db.Set<MessageRecord>().CountAsync()).Should().Be(0, "the message itself was not recorded: the sender will redeliver it");
            (await db.Set<SubscriptionRecord>().CountAsync()).Should().Be(1, "the instance still waits");
        }

        var redelivered = await harness.Host("host-b").CorrelateAsync(payment, CancellationToken.None);

        redelivered.Outcome.Should().Be(CorrelationOutcome.Delivered);
        (await harness.Reader.GetAsync(started.Id, CancellationToken.None))!.State.Status.Should().Be(InstanceStatus.Completed);
        (await harness.NumbersTakenAsync()).Should().Be(2, "each of the two steps took exactly one number");
        harness.Numbers.Calls.Should().Be(3, "the handler ran again after the crash, but only its committed run counts");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_host_that_crashes_while_firing_a_timer_holds_its_lease_until_it_expires_then_another_host_fires_it_once(DatabaseProvider provider)
    {
        var harness = await Harness(provider);
        var first = harness.Host("host-a");
        await WorkflowHarness.PublishAsync(first, "reminder.bpmn");
        var started = await first.StartAsync("reminder", null, null, CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromHours(1));

        using var crash = new CancellationTokenSource();
        harness.Numbers.CrashNextCall = crash;
        var crashed = () => first.Dispatcher().FireDueTimersAsync(crash.Token);
        await crashed.Should().ThrowAsync<OperationCanceledException>();

        var second = harness.Host("host-b");
        (await second.Dispatcher().FireDueTimersAsync(CancellationToken.None)).Should().Be(0, "host-a still holds the lease");
        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        (await second.Dispatcher().FireDueTimersAsync(CancellationToken.None)).Should().Be(1);

        (await harness.Reader.GetAsync(started.Id, CancellationToken.None))!.State.Status.Should().Be(InstanceStatus.Completed);
        (await harness.NumbersTakenAsync()).Should().Be(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Two_messages_for_one_instance_at_the_same_time_are_both_delivered_one_after_the_other(DatabaseProvider provider)
    {
        var harness = await Harness(provider);
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "two-confirmations.bpmn");
        var started = await host.StartAsync("two-confirmations", new Dictionary<string, object?> { ["caseId"] = "C-1" }, null, CancellationToken.None);

        var results = await Task.WhenAll(
            Task.Run(() => harness.Host("host-a").CorrelateAsync(new IncomingMessage("confirm-a", "C-1", "a-1"), CancellationToken.None)),
            Task.Run(() => harness.Host("host-b").CorrelateAsync(new IncomingMessage("confirm-b", "C-1", "b-1"), CancellationToken.None)));

        results.Select(r => r.Outcome).Should().Equal(CorrelationOutcome.Delivered, CorrelationOutcome.Delivered);
        (await harness.Reader.GetAsync(started.Id, CancellationToken.None))!.State.Status.Should().Be(InstanceStatus.Completed);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Publishing_creates_a_new_version_only_when_the_content_changes_and_running_instances_keep_theirs(DatabaseProvider provider)
    {
        var harness = await Harness(provider);
        var host = harness.Host();
        var path = Path.Combine(AppContext.BaseDirectory, "Workflows", "Fixtures", "reminder.bpmn");
        var v1 = await File.ReadAllTextAsync(path);
        (await host.Definitions.PublishAsync(v1, "reminder.bpmn", "olivia", CancellationToken.None)).Versions.Should().ContainSingle().Which.Version.Should().Be(1);
        var onV1 = await host.StartAsync("reminder", null, null, CancellationToken.None);

        var same = await host.Definitions.PublishAsync(v1, "reminder.bpmn", "olivia", CancellationToken.None);
        var v2 = await host.Definitions.PublishAsync(v1.Replace("PT1H", "PT2H", StringComparison.Ordinal), "reminder.bpmn", "olivia", CancellationToken.None);
        var onV2 = await host.StartAsync("reminder", null, null, CancellationToken.None);

        same.Versions.Single().Should().Be(new PublishedVersion("reminder", 1, Created: false));
        v2.Versions.Single().Should().Be(new PublishedVersion("reminder", 2, Created: true));
        onV2.Version.Should().Be(2);
        harness.Clock.Advance(TimeSpan.FromMinutes(61));
        (await harness.Host("host-b").Dispatcher().FireDueTimersAsync(CancellationToken.None)).Should().Be(1, "only the version-1 instance waits one hour");
        (await harness.Reader.GetAsync(onV1.Id, CancellationToken.None))!.State.Status.Should().Be(InstanceStatus.Completed);
        (await harness.Reader.GetAsync(onV2.Id, CancellationToken.None))!.State.Status.Should().Be(InstanceStatus.Running);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task An_invalid_definition_is_refused_with_its_diagnostics_and_nothing_is_published(DatabaseProvider provider)
    {
        var harness = await Harness(provider);
        var host = harness.Host();
        const string broken = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="d" targetNamespace="t">
              <process id="broken" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
                <serviceTask id="call" o2c:handler="no.such.handler"/>
              </process>
            </definitions>
            """;

        var result = await host.Definitions.PublishAsync(broken, "broken.bpmn", "olivia", CancellationToken.None);

        result.Published.Should().BeFalse();
        result.Diagnostics.Should().Contain(d => d.Element == "call" && d.Message.Contains("no.such.handler", StringComparison.Ordinal));
        (await host.Definitions.ListAsync(CancellationToken.None)).Should().BeEmpty();
    }

    public void Dispose() => directory.Dispose();
}
