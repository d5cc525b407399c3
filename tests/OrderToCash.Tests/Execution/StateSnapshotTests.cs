using System.Text.Json;
using OrderToCash.Engine.Bpmn.Parsing;
using OrderToCash.Engine.Bpmn.Validation;
using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Runtime.State;
using static OrderToCash.Tests.Execution.WorkflowTestHost;

namespace OrderToCash.Tests.Execution;

/// <summary>The durable runtime will store the state between steps: every waiting state must survive JSON and resume.</summary>
public sealed class StateSnapshotTests
{
    private readonly WorkflowTestHost _host = new();

    private static InstanceState RoundTrip(InstanceState state) => JsonSerializer.Deserialize<InstanceState>(JsonSerializer.Serialize(state))!;

    [Fact]
    public async Task A_call_activity_waiting_in_its_child_resumes_from_a_snapshot_and_returns_the_childs_variables()
    {
        var validation = BpmnValidator.Validate(BpmnParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "Execution", "Fixtures", "call-waiting-child.bpmn")), _host.Catalog);
        var parent = ExecutionPlanCompiler.Compile(validation, "waitingParent", 1, _host.Handlers);
        _host.Registry.Publish(parent, ExecutionPlanCompiler.Compile(validation, "waitingChild", 1, _host.Handlers));
        var state = await _host.Executor.StartAsync(parent, new Dictionary<string, object?> { ["total"] = 12.5m });

        state = RoundTrip(state);
        var ask = BookmarkAt(state, "ask");
        ask.CandidateRole.Should().Be("clerk");
        state.Scopes.Should().Contain(s => s.Kind == ScopeKind.CallActivity && s.ElementId == "waitingChild");
        await _host.Executor.ResumeAsync(parent, state, ask.Id, new Dictionary<string, object?> { ["answer"] = "yes" });

        state.Status.Should().Be(InstanceStatus.Completed);
        // After a snapshot, values are JsonElements until an expression or handler reads them with a type.
        state.Variables["question"]!.ToString().Should().Be("total is 12.5", "without output mappings the child's variables come back");
        PathOf(state).Should().EndWith(["-ask", "+cEnd", "-cEnd", "-call", "+check", "-check", "+yes", "-yes"]);
    }

    [Fact]
    public async Task An_event_based_gateway_and_boundary_timers_resume_from_snapshots()
    {
        var gatewayPlan = _host.Load("event-gateway.bpmn");
        var boundaryPlan = _host.Load("boundaries.bpmn");

        var racing = RoundTrip(await _host.Executor.StartAsync(gatewayPlan));
        var working = RoundTrip(await _host.Executor.StartAsync(boundaryPlan));
        _host.Time.Advance(TimeSpan.FromDays(1));
        await _host.Executor.FireDueTimersAsync(gatewayPlan, racing);
        await _host.Executor.FireDueTimersAsync(boundaryPlan, working);

        PathOf(racing).Should().EndWith(["+deadline", "-deadline", "+expiredEnd", "-expiredEnd"]);
        PathOf(working).Count(p => p == "-sendReminder").Should().Be(3);
        PathOf(working).Should().Contain("+timeout");
        racing.Status.Should().Be(InstanceStatus.Completed);
        working.Status.Should().Be(InstanceStatus.Completed);
    }
}
