using OrderToCash.Engine.Runtime.State;
using static OrderToCash.Tests.Execution.WorkflowTestHost;

namespace OrderToCash.Tests.Execution;

public sealed class GatewayTests
{
    private readonly WorkflowTestHost _host = new();

    [Fact]
    public async Task Exclusive_gateway_takes_the_flow_whose_condition_holds_after_the_service_task()
    {
        var plan = _host.Load("exclusive.bpmn");

        var state = await _host.Executor.StartAsync(plan, new Dictionary<string, object?> { ["amount"] = 250m });

        state.Status.Should().Be(InstanceStatus.Completed);
        PathOf(state).Should().Equal("+start", "-start", "+score", "-score", "+note", "-note", "+decide", "-decide", "+approved", "-approved");
        state.Variables["approved"].Should().Be(true);
        state.Variables["score"].Should().Be(25m);
    }

    [Fact]
    public async Task Exclusive_gateway_takes_the_default_flow_when_no_condition_holds()
    {
        var plan = _host.Load("exclusive.bpmn");

        var state = await _host.Executor.StartAsync(plan, new Dictionary<string, object?> { ["amount"] = 5000m });

        PathOf(state).Should().EndWith(["+decide", "-decide", "+rejected", "-rejected"]);
        PathOf(state).Should().NotContain("+approved");
    }

    [Fact]
    public async Task Parallel_join_waits_for_a_token_on_every_incoming_flow()
    {
        var plan = _host.Load("parallel.bpmn");

        var state = await _host.Executor.StartAsync(plan);

        // "prepare" finished and reached the join, but "review" still waits: the join must not fire.
        PathOf(state).Should().Contain("-prepare").And.NotContain("+join").And.NotContain("+after");
        state.Tokens.Should().ContainSingle(t => t.ElementId == "join" && t.Status == TokenStatus.Joining);

        await _host.Executor.ResumeAsync(plan, state, BookmarkAt(state, "review").Id);

        state.Status.Should().Be(InstanceStatus.Completed);
        PathOf(state).Count(p => p == "+join").Should().Be(1);
        PathOf(state).Count(p => p == "+after").Should().Be(1);
        PathOf(state).Should().EndWith(["-review", "+join", "-join", "+after", "-after", "+end", "-end"]);
    }

    [Fact]
    public async Task Inclusive_join_does_not_wait_for_branches_that_were_not_taken()
    {
        var plan = _host.Load("inclusive.bpmn");

        var state = await _host.Executor.StartAsync(plan, new Dictionary<string, object?> { ["amount"] = 50m });

        state.Status.Should().Be(InstanceStatus.Completed);
        PathOf(state).Should().Equal("+start", "-start", "+split", "-split", "+medium", "-medium", "+join", "-join", "+end", "-end");
    }

    [Fact]
    public async Task Inclusive_join_waits_for_every_branch_that_was_taken_and_fires_once()
    {
        var plan = _host.Load("inclusive.bpmn");

        var state = await _host.Executor.StartAsync(plan, new Dictionary<string, object?> { ["amount"] = 500m });

        PathOf(state).Should().Contain(["+medium", "-medium", "+large"]).And.NotContain("+join");

        await _host.Executor.ResumeAsync(plan, state, BookmarkAt(state, "large").Id);

        state.Status.Should().Be(InstanceStatus.Completed);
        PathOf(state).Count(p => p == "+join").Should().Be(1);
        PathOf(state).Count(p => p == "+end").Should().Be(1);
    }

    [Fact]
    public async Task Inclusive_join_waits_for_a_token_already_on_its_way_and_fires_once()
    {
        // Both branches pass straight through: the first token reaches the join while the second is still queued.
        var plan = _host.Load("inclusive-both-pass-through.bpmn");

        var state = await _host.Executor.StartAsync(plan, new Dictionary<string, object?> { ["amount"] = 500m });

        state.Status.Should().Be(InstanceStatus.Completed);
        var path = PathOf(state);
        path.Count(p => p == "+join").Should().Be(1);
        path.IndexOf("+join").Should().BeGreaterThan(path.IndexOf("-medium")).And.BeGreaterThan(path.IndexOf("-large"));
        path.Count(p => p == "+end").Should().Be(1);
    }

    [Fact]
    public async Task Inclusive_join_fires_when_the_branch_it_waited_for_ends_elsewhere()
    {
        var plan = _host.Load("inclusive-dead-branch.bpmn");
        var state = await _host.Executor.StartAsync(plan);
        PathOf(state).Should().Contain("-quick").And.NotContain("+join", "the review branch can still reach the join");

        await _host.Executor.ResumeAsync(plan, state, BookmarkAt(state, "review").Id, new Dictionary<string, object?> { ["escalate"] = true });

        state.Status.Should().Be(InstanceStatus.Completed, "the join must not wait forever for a branch that died");
        PathOf(state).Should().EndWith(["+dropped", "-dropped", "+join", "-join", "+end", "-end"]);
    }

    [Fact]
    public async Task Inclusive_join_counts_the_late_branch_when_it_does_arrive()
    {
        var plan = _host.Load("inclusive-dead-branch.bpmn");
        var state = await _host.Executor.StartAsync(plan);

        await _host.Executor.ResumeAsync(plan, state, BookmarkAt(state, "review").Id, new Dictionary<string, object?> { ["escalate"] = false });

        state.Status.Should().Be(InstanceStatus.Completed);
        PathOf(state).Count(p => p == "+join").Should().Be(1);
        PathOf(state).Should().EndWith(["-route", "+join", "-join", "+end", "-end"]);
    }

    [Fact]
    public async Task Inclusive_split_takes_the_default_flow_when_no_condition_holds()
    {
        var plan = _host.Load("inclusive.bpmn");

        var state = await _host.Executor.StartAsync(plan, new Dictionary<string, object?> { ["amount"] = 5m });

        PathOf(state).Should().Equal("+start", "-start", "+split", "-split", "+small", "-small", "+join", "-join", "+end", "-end");
    }

    [Fact]
    public async Task Event_based_gateway_follows_the_message_and_withdraws_the_timer()
    {
        var plan = _host.Load("event-gateway.bpmn");
        var state = await _host.Executor.StartAsync(plan);
        state.Bookmarks.Select(b => b.ElementId).Should().BeEquivalentTo(["approval", "deadline"]);

        (await _host.Executor.DeliverMessageAsync(plan, state, "approve", null)).Should().BeTrue();

        state.Status.Should().Be(InstanceStatus.Completed);
        state.Bookmarks.Should().BeEmpty();
        PathOf(state).Should().Equal("+start", "-start", "+race", "-race", "+approval", "-approval", "+approvedEnd", "-approvedEnd");
    }

    [Fact]
    public async Task Event_based_gateway_follows_the_timer_when_it_comes_first()
    {
        var plan = _host.Load("event-gateway.bpmn");
        var state = await _host.Executor.StartAsync(plan);

        _host.Time.Advance(TimeSpan.FromDays(1));
        (await _host.Executor.FireDueTimersAsync(plan, state)).Should().Be(1);

        PathOf(state).Should().EndWith(["+deadline", "-deadline", "+expiredEnd", "-expiredEnd"]);
        (await FluentActions.Awaiting(() => _host.Executor.DeliverMessageAsync(plan, state, "approve", null).AsTask())
            .Should().ThrowAsync<Engine.Runtime.WorkflowRuntimeException>()).WithMessage("*completed*");
    }
}
