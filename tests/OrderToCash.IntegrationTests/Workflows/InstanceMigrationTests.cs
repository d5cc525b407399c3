using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Runtime.State;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Workflows;

/// <summary>
/// Instance migration on a SQLite file and a real PostgreSQL server: instances waiting in a user task, a timer and a
/// message move from version 1 to version 2 in one transaction, or none moves.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class InstanceMigrationTests(PostgresServer server) : IDisposable
{
    /// <summary>Version 1 routes each instance to a wait by its <c>path</c>: a review task, a two-hour timer, or the payment message.</summary>
    internal const string Version1 = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="d" targetNamespace="t">
          <message id="m" name="payment-received"/>
          <process id="settle" name="Settle an order" isExecutable="true">
            <extensionElements><o2c:variable name="path" type="string"/><o2c:variable name="orderId" type="string"/></extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f0" sourceRef="start" targetRef="route"/>
            <exclusiveGateway id="route" default="toPayment"/>
            <sequenceFlow id="toReview" sourceRef="route" targetRef="review"><conditionExpression>path == "task"</conditionExpression></sequenceFlow>
            <sequenceFlow id="toWait" sourceRef="route" targetRef="wait"><conditionExpression>path == "timer"</conditionExpression></sequenceFlow>
            <sequenceFlow id="toPayment" sourceRef="route" targetRef="paid"/>
            <userTask id="review" name="Review the order" o2c:candidateRole="CreditManager"/>
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>PT2H</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <intermediateCatchEvent id="paid" o2c:correlationKey="orderId"><messageEventDefinition messageRef="m"/></intermediateCatchEvent>
            <sequenceFlow id="f1" sourceRef="review" targetRef="end"/>
            <sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
            <sequenceFlow id="f3" sourceRef="paid" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    /// <summary>Version 2: the review is renamed and followed by a new confirmation; the timer waits 5 hours; the message catch is now "paymentReceived".</summary>
    internal static readonly string Version2 = Version1
        .Replace("name=\"Review the order\"", "name=\"Review the order (v2)\"", StringComparison.Ordinal)
        .Replace("<sequenceFlow id=\"f1\" sourceRef=\"review\" targetRef=\"end\"/>",
            "<sequenceFlow id=\"f1\" sourceRef=\"review\" targetRef=\"confirm\"/><userTask id=\"confirm\" name=\"Confirm the order\" o2c:candidateRole=\"CreditManager\"/><sequenceFlow id=\"f4\" sourceRef=\"confirm\" targetRef=\"end\"/>",
            StringComparison.Ordinal)
        .Replace("PT2H", "PT5H", StringComparison.Ordinal)
        .Replace("\"paid\"", "\"paymentReceived\"", StringComparison.Ordinal);

    private static readonly string[] CreditManager = [Roles.CreditManager];

    private readonly TempDirectory directory = new();

    private async Task<WorkflowHarness> Harness(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? await WorkflowHarness.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString())
        : await WorkflowHarness.CreateAsync(DatabaseProvider.PostgreSql, await server.CreateDatabaseAsync());

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Instances_waiting_in_a_task_a_timer_and_a_message_move_to_version_2_and_go_on_there_the_timer_keeping_its_due_time(DatabaseProvider provider)
    {
        var harness = await Harness(provider);
        var host = harness.Host();
        var (task, timer, message) = await StartThreeAsync(host);
        await PublishAsync(host, Version2);
        harness.Clock.Advance(TimeSpan.FromMinutes(30));

        var result = await host.MigrateAsync(new InstanceMigration("settle", 1, 2, new Dictionary<string, string> { ["paid"] = "paymentReceived" }), "olivia", preview: false, CancellationToken.None);

        result.Migrated.Should().BeTrue(string.Join(Environment.NewLine, result.Refusals.Select(r => r.Reason)));
        result.Refusals.Should().BeEmpty();
        result.Instances.Select(i => i.InstanceId).Should().BeEquivalentTo([task, timer, message]);
        result.Elements.Select(e => (e.ElementId, e.Waiting, e.TargetElementId)).Should().Equal(("paid", 1, "paymentReceived"), ("review", 1, "review"), ("wait", 1, "wait"));
        await using (var db = harness.NewContext())
        {
            (await db.Set<InstanceRecord>().Select(i => i.Version).ToListAsync()).Should().OnlyContain(v => v == 2);
            var openTask = await db.Set<UserTaskRecord>().SingleAsync();
            (openTask.Version, openTask.Name).Should().Be((2, "Review the order (v2)"));
            (await db.Set<TimerRecord>().SingleAsync()).DueAt.Should().Be(WorkflowHarness.Start.AddHours(2), "a moved timer keeps its due time");
            (await db.Set<SubscriptionRecord>().SingleAsync()).ElementId.Should().Be("paymentReceived");
            (await db.Set<ElementVisitRecord>().Where(v => v.LeftAt == null).Select(v => new { v.Version, v.ElementId }).ToListAsync())
                .Should().BeEquivalentTo([new { Version = 2, ElementId = "review" }, new { Version = 2, ElementId = "wait" }, new { Version = 2, ElementId = "paymentReceived" }]);
        }

        // Each goes on in version 2: the review leads to the new confirmation, the timer fires at its old due time, the message is received.
        var inbox = await harness.Reader.InboxAsync("claire", CreditManager, CancellationToken.None);
        await host.CompleteAsync(inbox.Single().Id, "claire", CreditManager, null, CancellationToken.None);
        (await harness.Reader.InboxAsync("claire", CreditManager, CancellationToken.None)).Single().Name.Should().Be("Confirm the order");
        harness.Clock.Advance(TimeSpan.FromHours(1.5));
        (await host.Dispatcher().FireDueTimersAsync(CancellationToken.None)).Should().Be(1);
        (await host.CorrelateAsync(new IncomingMessage("payment-received", "SO-3", "pay-3"), CancellationToken.None)).Outcome.Should().Be(CorrelationOutcome.Delivered);
        (await harness.Reader.GetAsync(timer, CancellationToken.None))!.State.Status.Should().Be(InstanceStatus.Completed);
        var paid = (await harness.Reader.GetAsync(message, CancellationToken.None))!;
        paid.State.Status.Should().Be(InstanceStatus.Completed);
        paid.Path.Select(v => (v.ElementId, v.Version)).Should().Equal(("start", 1), ("route", 1), ("paymentReceived", 2), ("end", 2));

        var history = await harness.Reader.MigrationsOfAsync(message, CancellationToken.None);
        history.Should().ContainSingle();
        (history[0].FromVersion, history[0].ToVersion, history[0].MigratedBy, history[0].MigratedAt).Should().Be((1, 2, "olivia", WorkflowHarness.Start.AddMinutes(30)));
        history[0].Elements.Should().Equal(new Dictionary<string, string> { ["paid"] = "paymentReceived" });
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_waiting_element_the_target_does_not_have_refuses_the_whole_batch_naming_the_instance_and_the_element(DatabaseProvider provider)
    {
        var harness = await Harness(provider);
        var host = harness.Host();
        var (_, _, message) = await StartThreeAsync(host);
        await PublishAsync(host, Version2);

        var result = await host.MigrateAsync(new InstanceMigration("settle", 1, 2), "olivia", preview: false, CancellationToken.None);

        result.Migrated.Should().BeFalse();
        var refusal = result.Refusals.Should().ContainSingle().Subject;
        (refusal.InstanceId, refusal.BusinessKey, refusal.ElementId).Should().Be((message, "SO-3", "paid"));
        refusal.Reason.Should().Be($"The instance '{message}' (SO-3) waits in intermediateCatchEvent 'paid', which version 2 does not have; map it to an element of version 2.");
        result.Elements.Single(e => e.ElementId == "paid").TargetElementId.Should().BeNull();
        await using var db = harness.NewContext();
        (await db.Set<InstanceRecord>().Select(i => i.Version).ToListAsync()).Should().OnlyContain(v => v == 1, "no instance of the batch moved");
        (await db.Set<UserTaskRecord>().SingleAsync()).Version.Should().Be(1);
        (await db.Set<InstanceMigrationRecord>().CountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_mapping_to_an_element_of_another_kind_is_refused_and_a_preview_writes_nothing(DatabaseProvider provider)
    {
        var harness = await Harness(provider);
        var host = harness.Host();
        await StartThreeAsync(host);
        await PublishAsync(host, Version2);

        var wrongKind = await host.MigrateAsync(new InstanceMigration("settle", 1, 2, new Dictionary<string, string> { ["paid"] = "confirm" }), "olivia", preview: false, CancellationToken.None);
        var preview = await host.MigrateAsync(new InstanceMigration("settle", 1, 2, new Dictionary<string, string> { ["paid"] = "paymentReceived" }), "olivia", preview: true, CancellationToken.None);
        var unknown = () => host.MigrateAsync(new InstanceMigration("settle", 1, 2, new Dictionary<string, string> { ["paid"] = "nowhere" }), "olivia", preview: false, CancellationToken.None);
        var same = () => host.MigrateAsync(new InstanceMigration("settle", 1, 1), "olivia", preview: false, CancellationToken.None);
        var missing = () => host.MigrateAsync(new InstanceMigration("settle", 1, 7), "olivia", preview: false, CancellationToken.None);

        wrongKind.Refusals.Should().ContainSingle().Which.Reason.Should().Contain("version 2's 'confirm' is of another kind (userTask, not intermediateCatchEvent (message))");
        (preview.Migrated, preview.Refusals.Count, preview.Instances.Count).Should().Be((false, 0, 3));
        (await unknown.Should().ThrowAsync<InstanceMigrationException>()).Which.Message.Should().Be("The mapping of 'paid' to 'nowhere' names an element that version 2 of 'settle' does not have.");
        (await same.Should().ThrowAsync<InstanceMigrationException>()).Which.Message.Should().Contain("both 1");
        (await missing.Should().ThrowAsync<InstanceMigrationException>()).Which.Message.Should().Be("Process 'settle' version 7 is not published.");
        await using var db = harness.NewContext();
        (await db.Set<InstanceRecord>().Select(i => i.Version).ToListAsync()).Should().OnlyContain(v => v == 1);
    }

    public void Dispose() => directory.Dispose();

    private static async Task<(string Task, string Timer, string Message)> StartThreeAsync(DurableWorkflowRuntime host)
    {
        await PublishAsync(host, Version1);
        var task = await host.StartAsync("settle", new Dictionary<string, object?> { ["path"] = "task", ["orderId"] = "SO-1" }, "SO-1", CancellationToken.None);
        var timer = await host.StartAsync("settle", new Dictionary<string, object?> { ["path"] = "timer", ["orderId"] = "SO-2" }, "SO-2", CancellationToken.None);
        var message = await host.StartAsync("settle", new Dictionary<string, object?> { ["path"] = "message", ["orderId"] = "SO-3" }, "SO-3", CancellationToken.None);
        return (task.Id, timer.Id, message.Id);
    }

    private static async Task PublishAsync(DurableWorkflowRuntime host, string xml)
    {
        var result = await host.Definitions.PublishAsync(xml, "settle.bpmn", "tester", CancellationToken.None);
        result.Published.Should().BeTrue(string.Join(Environment.NewLine, result.Diagnostics));
    }
}
