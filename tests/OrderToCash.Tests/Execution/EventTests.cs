using OrderToCash.Engine.Runtime;
using OrderToCash.Engine.Runtime.State;
using static OrderToCash.Tests.Execution.WorkflowTestHost;

namespace OrderToCash.Tests.Execution;

public sealed class EventTests
{
    private readonly WorkflowTestHost _host = new();

    [Fact]
    public async Task Timer_catch_events_wait_for_a_duration_a_date_and_a_duration_expression()
    {
        var plan = _host.Load("timers.bpmn");
        var start = _host.Time.GetUtcNow();
        var state = await _host.Executor.StartAsync(plan, new Dictionary<string, object?> { ["grace"] = TimeSpan.FromMinutes(30) });

        BookmarkAt(state, "wait").DueAt.Should().Be(start.AddHours(1));
        (await _host.Executor.FireDueTimersAsync(plan, state)).Should().Be(0);
        var early = () => _host.Executor.ResumeAsync(plan, state, state.Bookmarks[0].Id).AsTask();
        await early.Should().ThrowAsync<WorkflowRuntimeException>().WithMessage("*not yet*");

        _host.Time.Advance(TimeSpan.FromHours(1));
        (await _host.Executor.FireDueTimersAsync(plan, state)).Should().Be(1);
        BookmarkAt(state, "until").DueAt.Should().Be(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

        _host.Time.SetUtcNow(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await _host.Executor.FireDueTimersAsync(plan, state);
        BookmarkAt(state, "graceWait").DueAt.Should().Be(new DateTimeOffset(2030, 1, 1, 0, 30, 0, TimeSpan.Zero));

        _host.Time.Advance(TimeSpan.FromMinutes(30));
        await _host.Executor.FireDueTimersAsync(plan, state);
        state.Status.Should().Be(InstanceStatus.Completed);
        PathOf(state).Should().Equal("+start", "-start", "+wait", "-wait", "+until", "-until", "+graceWait", "-graceWait", "+end", "-end");
    }

    [Fact]
    public async Task Receive_task_and_message_catch_correlate_by_key()
    {
        var plan = _host.Load("messages.bpmn");
        var state = await _host.Executor.StartAsync(plan, new Dictionary<string, object?> { ["caseId"] = "C-7" });

        BookmarkAt(state, "receive").CorrelationKey.Should().Be("C-7");
        (await _host.Executor.DeliverMessageAsync(plan, state, "payment-received", "C-8")).Should().BeFalse();
        (await _host.Executor.DeliverMessageAsync(plan, state, "confirmed", "C-7")).Should().BeFalse("the instance waits for the payment first");
        (await _host.Executor.DeliverMessageAsync(plan, state, "payment-received", "C-7", new Dictionary<string, object?> { ["paid"] = 12.5m })).Should().BeTrue();
        state.Variables["paid"].Should().Be(12.5m);
        (await _host.Executor.DeliverMessageAsync(plan, state, "confirmed", "C-7")).Should().BeTrue();

        state.Status.Should().Be(InstanceStatus.Completed);
        PathOf(state).Should().Equal("+start", "-start", "+receive", "-receive", "+waitConfirmation", "-waitConfirmation", "+end", "-end");
    }

    [Fact]
    public async Task Non_interrupting_timer_cycle_fires_repeatedly_without_cancelling_the_task()
    {
        var plan = _host.Load("boundaries.bpmn");
        var state = await _host.Executor.StartAsync(plan);

        for (var i = 0; i < 3; i++)
        {
            _host.Time.Advance(TimeSpan.FromMinutes(10));
            (await _host.Executor.FireDueTimersAsync(plan, state)).Should().Be(1);
        }

        _host.Time.Advance(TimeSpan.FromMinutes(10));
        (await _host.Executor.FireDueTimersAsync(plan, state)).Should().Be(0, "R3 fires three times");
        PathOf(state).Count(p => p == "-sendReminder").Should().Be(3);
        PathOf(state).Should().NotContain("xwork");
        BookmarkAt(state, "work").Kind.Should().Be(BookmarkKind.UserTask);

        await _host.Executor.ResumeAsync(plan, state, BookmarkAt(state, "work").Id);

        state.Status.Should().Be(InstanceStatus.Completed);
        PathOf(state).Should().EndWith(["-work", "+done", "-done"]);
        state.Bookmarks.Should().BeEmpty("leaving the task disarms its boundary events");
    }

    [Fact]
    public async Task Interrupting_timer_boundary_cancels_the_task_and_takes_its_path()
    {
        var plan = _host.Load("boundaries.bpmn");
        var state = await _host.Executor.StartAsync(plan);

        _host.Time.Advance(TimeSpan.FromHours(2));
        await _host.Executor.FireDueTimersAsync(plan, state);

        state.Status.Should().Be(InstanceStatus.Completed);
        PathOf(state).Should().Contain(["xwork", "+timeout", "-timeout", "+timedOut", "-timedOut"]).And.NotContain("-work");
        PathOf(state).Count(p => p == "-sendReminder").Should().Be(3, "the three reminders were due before the timeout");
    }

    [Fact]
    public async Task Interrupting_timer_on_a_sub_process_cancels_everything_inside_it()
    {
        var plan = _host.Load("subprocess-timeout.bpmn");
        var state = await _host.Executor.StartAsync(plan);
        state.Bookmarks.Select(b => b.ElementId).Should().BeEquivalentTo(["timeout", "innerTask", "innerReminder"]);

        _host.Time.Advance(TimeSpan.FromHours(1));
        await _host.Executor.FireDueTimersAsync(plan, state);

        state.Status.Should().Be(InstanceStatus.Completed);
        state.Bookmarks.Should().BeEmpty("the inner task and its reminder went with the sub-process");
        state.Scopes.Should().ContainSingle();
        PathOf(state).Should().Equal("+start", "-start", "+sub", "+subStart", "-subStart", "+innerTask", "xinnerTask", "xsub", "+timeout", "-timeout", "+timedOut", "-timedOut");
    }

    [Fact]
    public async Task Interrupting_message_boundary_cancels_the_task()
    {
        var plan = _host.Load("boundaries.bpmn");
        var state = await _host.Executor.StartAsync(plan);

        (await _host.Executor.DeliverMessageAsync(plan, state, "cancel", null)).Should().BeTrue();

        PathOf(state).Should().Equal("+start", "-start", "+work", "xwork", "+cancelled", "-cancelled", "+cancelEnd", "-cancelEnd");
        state.Bookmarks.Should().BeEmpty();
    }

    [Fact]
    public async Task Non_interrupting_message_boundary_starts_a_parallel_path_and_stays_armed()
    {
        var plan = _host.Load("non-interrupting-message.bpmn");
        var state = await _host.Executor.StartAsync(plan);

        (await _host.Executor.DeliverMessageAsync(plan, state, "nudge", null)).Should().BeTrue();
        (await _host.Executor.DeliverMessageAsync(plan, state, "nudge", null)).Should().BeTrue("a non-interrupting message event may occur again");

        PathOf(state).Count(p => p == "-onNudge").Should().Be(2);
        PathOf(state).Should().NotContain("xwork");
        state.Status.Should().Be(InstanceStatus.Running);

        await _host.Executor.ResumeAsync(plan, state, BookmarkAt(state, "work").Id);

        state.Status.Should().Be(InstanceStatus.Completed);
        (await FluentActions.Awaiting(() => _host.Executor.DeliverMessageAsync(plan, state, "nudge", null).AsTask()).Should().ThrowAsync<WorkflowRuntimeException>()).WithMessage("*completed*");
    }

    [Fact]
    public async Task Bpmn_errors_are_caught_by_the_nearest_matching_error_boundary()
    {
        var plan = _host.Load("errors.bpmn");

        var state = await _host.Executor.StartAsync(plan);

        state.Status.Should().Be(InstanceStatus.Completed);
        PathOf(state).Should().Equal(
            "+start", "-start", "+check", "xcheck", "+onRejected", "-onRejected",
            "+sub", "+subStart", "-subStart", "+subWork", "-subWork", "+subFail", "-subFail", "xsub",
            "+onInner", "-onInner", "+handled", "-handled");
    }

    [Fact]
    public async Task An_uncaught_bpmn_error_fails_the_instance()
    {
        var plan = _host.Load("errors.bpmn", "uncaught");

        var state = await _host.Executor.StartAsync(plan);

        state.Status.Should().Be(InstanceStatus.Failed);
        state.Incident!.Message.Should().Contain("REJECTED");
        PathOf(state).Should().NotContain("+uEnd");
    }

    [Fact]
    public async Task Terminate_end_event_cancels_every_other_token()
    {
        var plan = _host.Load("terminate.bpmn");

        var state = await _host.Executor.StartAsync(plan);

        state.Status.Should().Be(InstanceStatus.Completed);
        state.Tokens.Should().BeEmpty();
        state.Bookmarks.Should().BeEmpty();
        PathOf(state).Should().Contain(["+stop", "-stop", "xwait"]).And.NotContain("+end");
    }

    [Fact]
    public async Task Message_and_timer_start_events_start_instances_at_themselves()
    {
        var plan = _host.Load("starts.bpmn");

        var byMessage = await _host.Executor.StartByMessageAsync(plan, "case-opened");
        var byTimer = await _host.Executor.StartAsync(plan, startEventId: "byTimer");

        PathOf(byMessage).Should().StartWith(["+byMessage", "-byMessage", "+merge"]);
        PathOf(byTimer).Should().StartWith(["+byTimer", "-byTimer", "+merge"]);
        byTimer.Status.Should().Be(InstanceStatus.Completed);
        plan.Node("byTimer").Timer!.Resolve(byTimer.Variables).IsCycle.Should().BeTrue();
        var noNoneStart = () => _host.Executor.StartAsync(plan).AsTask();
        await noNoneStart.Should().ThrowAsync<WorkflowRuntimeException>().WithMessage("*no none start event*");
    }
}
