using System.Text.Json;
using OrderToCash.Engine.Runtime.State;
using static OrderToCash.Tests.Execution.WorkflowTestHost;

namespace OrderToCash.Tests.Execution;

public sealed class ActivityTests
{
    private readonly WorkflowTestHost _host = new();

    [Fact]
    public async Task User_task_waits_with_role_and_due_date_and_maps_the_completion_payload()
    {
        var plan = _host.Load("user-task.bpmn");
        var state = await _host.Executor.StartAsync(plan);

        var task = BookmarkAt(state, "approve");
        task.Kind.Should().Be(BookmarkKind.UserTask);
        task.CandidateRole.Should().Be("clerk");
        task.DueAt.Should().Be(_host.Time.GetUtcNow().AddDays(2));
        state.Status.Should().Be(InstanceStatus.Running);

        await _host.Executor.ResumeAsync(plan, state, task.Id, new Dictionary<string, object?> { ["decision"] = "yes" });

        state.Status.Should().Be(InstanceStatus.Completed);
        state.Variables["decision"].Should().Be("YES");
        PathOf(state).Should().Equal("+start", "-start", "+approve", "-approve", "+end", "-end");
    }

    [Fact]
    public async Task A_variable_that_lists_its_values_takes_only_those_and_the_plan_offers_them_as_choices()
    {
        var plan = _host.Load("user-task-choices.bpmn");
        plan.Choices["outcome"].Should().Equal("Accepted", "Rejected");
        var state = await _host.Executor.StartAsync(plan);
        var task = BookmarkAt(state, "decide");

        await _host.Executor.ResumeAsync(plan, state, task.Id, new Dictionary<string, object?> { ["outcome"] = "accepted" });

        state.Status.Should().Be(InstanceStatus.Incident, "values are compared exactly: 'accepted' is not listed");
        state.Incident!.Message.Should().Be("'accepted' is not a value of 'outcome': answer one of Accepted, Rejected.");
        state.Variables.Should().NotContainKey("outcome", "nothing of a refused answer is stored");
        state.Bookmarks.Should().ContainSingle(b => b.Id == task.Id);

        await _host.Executor.RetryAsync(plan, state);
        await _host.Executor.ResumeAsync(plan, state, task.Id, new Dictionary<string, object?> { ["outcome"] = "Rejected" });

        state.Status.Should().Be(InstanceStatus.Completed);
        state.Variables["outcome"].Should().Be("Rejected");
    }

    [Fact]
    public async Task A_completion_payload_that_cannot_be_mapped_raises_an_incident_and_keeps_the_task_open()
    {
        var plan = _host.Load("user-task.bpmn");
        var state = await _host.Executor.StartAsync(plan);
        var task = BookmarkAt(state, "approve");

        await _host.Executor.ResumeAsync(plan, state, task.Id, new Dictionary<string, object?> { ["decision"] = null });

        state.Status.Should().Be(InstanceStatus.Incident);
        state.Incident!.ElementId.Should().Be("approve");
        state.Bookmarks.Should().ContainSingle(b => b.Id == task.Id, "the task is still to be completed");

        await _host.Executor.RetryAsync(plan, state);
        state.Bookmarks.Should().ContainSingle(b => b.Id == task.Id, "a retry does not recreate a waiting task");
        await _host.Executor.ResumeAsync(plan, state, task.Id, new Dictionary<string, object?> { ["decision"] = "no" });

        state.Status.Should().Be(InstanceStatus.Completed);
        state.Variables["decision"].Should().Be("NO");
        PathOf(state).Count(p => p == "+approve").Should().Be(1);
    }

    [Fact]
    public async Task Resuming_an_unknown_bookmark_is_refused_and_changes_nothing()
    {
        var plan = _host.Load("user-task.bpmn");
        var state = await _host.Executor.StartAsync(plan);
        var before = JsonSerializer.Serialize(state);

        var act = () => _host.Executor.ResumeAsync(plan, state, "b999").AsTask();

        await act.Should().ThrowAsync<Engine.Runtime.WorkflowRuntimeException>().WithMessage("*no bookmark 'b999'*");
        JsonSerializer.Serialize(state).Should().Be(before);
    }

    [Fact]
    public async Task Embedded_sub_process_completes_when_its_last_token_ends()
    {
        var plan = _host.Load("subprocess.bpmn");
        var state = await _host.Executor.StartAsync(plan);

        PathOf(state).Should().Contain(["-inner", "+subEnd", "-subEnd"]).And.NotContain("-sub");

        await _host.Executor.ResumeAsync(plan, state, BookmarkAt(state, "innerWait").Id);

        state.Status.Should().Be(InstanceStatus.Completed);
        PathOf(state).Should().EndWith(["-innerWait", "+subEnd2", "-subEnd2", "-sub", "+after", "-after", "+end", "-end"]);
        state.Scopes.Should().ContainSingle("only the process scope remains");
    }

    [Fact]
    public async Task Call_activity_binds_the_pinned_version_or_the_latest_and_maps_data_both_ways()
    {
        _host.Load("call-child-v1.bpmn", version: 1);
        _host.Load("call-child-v2.bpmn", version: 2);
        var plan = _host.Load("call-parent.bpmn");

        var state = await _host.Executor.StartAsync(plan, new Dictionary<string, object?> { ["total"] = 100m });

        state.Status.Should().Be(InstanceStatus.Completed);
        state.Variables["pinnedVersion"].Should().Be(1);
        state.Variables["latestVersion"].Should().Be(2);
        state.Variables["latestScore"].Should().Be(20m, "the child scored total * 2 = 200");
        state.Variables.Should().NotContainKey("childScore", "the child's variables stay in the child");
        PathOf(state).Should().Equal(
            "+start", "-start", "+callPinned", "+cStart", "-cStart", "+cWork", "-cWork", "+cEnd", "-cEnd", "-callPinned",
            "+callLatest", "+cStart", "-cStart", "+cWork", "-cWork", "+cEnd", "-cEnd", "-callLatest", "+end", "-end");
    }

    [Fact]
    public async Task Call_activity_with_deployment_binding_calls_the_version_published_with_the_caller()
    {
        var validation = Engine.Bpmn.Validation.BpmnValidator.Validate(Engine.Bpmn.Parsing.BpmnParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "Execution", "Fixtures", "call-deployment.bpmn")), _host.Catalog);
        var caller = Engine.Runtime.Plan.ExecutionPlanCompiler.Compile(validation, "deploymentCaller", 1, _host.Handlers);
        var child = Engine.Runtime.Plan.ExecutionPlanCompiler.Compile(validation, "child", 7, _host.Handlers);
        _host.Registry.Publish(caller, child);
        _host.Load("call-child-v2.bpmn", version: 8);

        var state = await _host.Executor.StartAsync(caller, new Dictionary<string, object?> { ["amount"] = 10m });

        state.Status.Should().Be(InstanceStatus.Completed);
        state.Variables["childVersion"].Should().Be(7, "the child deployed with the caller, not the later version 8");
    }

    [Fact]
    public async Task Parallel_multi_instance_creates_every_item_at_once_and_leaves_after_the_last()
    {
        var plan = _host.Load("multi-instance-parallel.bpmn");
        var state = await _host.Executor.StartAsync(plan, new Dictionary<string, object?> { ["lines"] = new List<string> { "a", "skip", "c" } });

        state.Bookmarks.Should().HaveCount(3).And.OnlyContain(b => b.ElementId == "each");
        foreach (var bookmark in state.Bookmarks.ToList().Take(2))
        {
            await _host.Executor.ResumeAsync(plan, state, bookmark.Id);
        }

        PathOf(state).Should().NotContain("+stamp", "one item is still open");
        await _host.Executor.ResumeAsync(plan, state, state.Bookmarks.Single().Id);

        state.Status.Should().Be(InstanceStatus.Completed);
        _host.Echo.Calls.Should().Equal("a#0", "c#1");
        state.Variables["stamped"].Should().BeEquivalentTo(new List<object?> { "a#0!", "c#1!" }, o => o.WithStrictOrdering());
        PathOf(state).Count(p => p == "-each").Should().Be(4, "three items and the activity itself");
        PathOf(state).Should().EndWith(["-stamp", "+check", "-check", "+end", "-end"]);
    }

    [Fact]
    public async Task Sequential_multi_instance_runs_one_item_after_the_other()
    {
        var plan = _host.Load("multi-instance-sequential.bpmn");
        var state = await _host.Executor.StartAsync(plan, new Dictionary<string, object?> { ["lines"] = new List<string> { "a", "b" } });

        state.Bookmarks.Should().ContainSingle();
        await _host.Executor.ResumeAsync(plan, state, state.Bookmarks.Single().Id);
        state.Bookmarks.Should().ContainSingle("the second item starts only after the first");
        await _host.Executor.ResumeAsync(plan, state, state.Bookmarks.Single().Id);

        state.Status.Should().Be(InstanceStatus.Completed);
        _host.Echo.Calls.Should().Equal("a#0", "b#1");
    }

    [Fact]
    public async Task Multi_instance_over_an_empty_collection_passes_straight_through()
    {
        var plan = _host.Load("multi-instance-parallel.bpmn");

        var state = await _host.Executor.StartAsync(plan, new Dictionary<string, object?> { ["lines"] = new List<string>() });

        state.Status.Should().Be(InstanceStatus.Completed);
        PathOf(state).Should().Equal("+start", "-start", "+each", "-each", "+stamp", "-stamp", "+check", "-check", "+nothingStamped", "-nothingStamped");
        state.Variables["stamped"].Should().BeAssignableTo<System.Collections.IList>().Which.Count.Should().Be(0, "no item ran, so the collection is empty");
    }

    [Fact]
    public async Task Business_rule_task_runs_its_rule_set_and_stores_the_outputs()
    {
        var plan = _host.Load("rules.bpmn");

        var state = await _host.Executor.StartAsync(plan, new Dictionary<string, object?> { ["amount"] = 4000m });

        _host.Rules.Calls.Should().ContainSingle().Which.RuleSet.Should().Be("limits");
        state.Variables["limitOk"].Should().Be(true);
        PathOf(state).Should().EndWith(["+yes", "-yes"]);
    }

    [Fact]
    public async Task A_failing_handler_raises_an_incident_and_a_retry_runs_it_again()
    {
        var plan = _host.Load("failing.bpmn");
        var state = await _host.Executor.StartAsync(plan);

        state.Status.Should().Be(InstanceStatus.Incident);
        state.Incident!.ElementId.Should().Be("flaky");
        state.Incident.Message.Should().Contain("unavailable");

        _host.Flaky.Healthy = true;
        await _host.Executor.RetryAsync(plan, state);

        state.Status.Should().Be(InstanceStatus.Completed);
        _host.Flaky.Calls.Should().Be(2);
        PathOf(state).Should().EndWith(["+flaky", "-flaky", "+end", "-end"]);
    }

    [Fact]
    public async Task A_cancelled_step_is_abandoned_rather_than_recorded_as_an_incident()
    {
        var plan = _host.Load("cancellable.bpmn");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = () => _host.Executor.StartAsync(plan, cancellationToken: cancellation.Token).AsTask();

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task A_waiting_instance_survives_a_json_round_trip_and_resumes()
    {
        var plan = _host.Load("multi-instance-parallel.bpmn");
        var state = await _host.Executor.StartAsync(plan, new Dictionary<string, object?> { ["lines"] = new List<string> { "x", "y" } });

        var restored = JsonSerializer.Deserialize<InstanceState>(JsonSerializer.Serialize(state))!;
        foreach (var bookmark in restored.Bookmarks.ToList())
        {
            await _host.Executor.ResumeAsync(plan, restored, bookmark.Id);
        }

        restored.Status.Should().Be(InstanceStatus.Completed);
        _host.Echo.Calls.Should().Equal("x#0", "y#1");
    }
}
