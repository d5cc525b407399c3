using Microsoft.Extensions.Time.Testing;
using OrderToCash.Engine.Bpmn.Parsing;
using OrderToCash.Engine.Bpmn.Validation;
using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Runtime;
using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Runtime.State;
using OrderToCash.Tests.Bpmn;

namespace OrderToCash.Tests.Execution;

/// <summary>
/// A step that would never end (a loop without a wait, a process calling itself, a fan-out over a huge collection)
/// stops as an incident naming the budget and the element. The definitions are compiled without the validator's
/// verdict, as one published before a static rule existed would be: the runtime budgets must hold on their own.
/// </summary>
public sealed class StepBudgetTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryPlanRegistry _plans = new();
    private readonly HandlerCatalog _handlers;
    private readonly WorkflowExecutor _executor;

    public StepBudgetTests()
    {
        _handlers = new HandlerCatalog([new ClockAdvancingHandler(_time)]);
        _executor = new WorkflowExecutor(_time, plans: _plans);
    }

    [Fact]
    public async Task Two_exclusive_gateways_sending_their_default_flows_to_each_other_after_a_timer_become_an_incident_when_the_timer_fires()
    {
        var plan = Unchecked(BpmnText.Process("""
            <extensionElements><o2c:variable name="stop" type="bool"/></extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="wait" targetRef="ping"/>
            <exclusiveGateway id="ping" default="toPong"/>
            <sequenceFlow id="toPong" sourceRef="ping" targetRef="pong"/>
            <sequenceFlow id="out" sourceRef="ping" targetRef="end"><conditionExpression>stop</conditionExpression></sequenceFlow>
            <exclusiveGateway id="pong" default="toPing"/>
            <sequenceFlow id="toPing" sourceRef="pong" targetRef="ping"/>
            <endEvent id="end"/>
            """));
        var state = await _executor.StartAsync(plan, new Dictionary<string, object?> { ["stop"] = false });
        state.Status.Should().Be(InstanceStatus.Running, "the instance waits at the timer");

        _time.Advance(TimeSpan.FromHours(1));
        await _executor.FireDueTimersAsync(plan, state);

        state.Status.Should().Be(InstanceStatus.Incident);
        state.Incident!.Budget.Should().Be(nameof(WorkflowBudgets.MaxElementsPerStep));
        state.Incident.ElementId.Should().BeOneOf("ping", "pong");
        state.Incident.Message.Should().Contain("more than 10,000 elements").And.Contain("Workflow:Budgets:MaxElementsPerStep").And.Contain("wait state");
        state.History.Count(h => h.Kind == HistoryKind.Entered).Should().BeLessThanOrEqualTo(10_002, "the step stopped at the budget");
    }

    [Fact]
    public async Task A_retried_loop_stops_again_at_the_budget_and_stays_an_incident()
    {
        var plan = Unchecked(BpmnText.Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="ping"/>
            <exclusiveGateway id="ping" default="toPong"/>
            <sequenceFlow id="toPong" sourceRef="ping" targetRef="pong"/>
            <exclusiveGateway id="pong" default="toPing"/>
            <sequenceFlow id="toPing" sourceRef="pong" targetRef="ping"/>
            """));
        var state = await _executor.StartAsync(plan);
        state.Status.Should().Be(InstanceStatus.Incident);

        await _executor.RetryAsync(plan, state);

        state.Status.Should().Be(InstanceStatus.Incident);
        state.Incident!.Budget.Should().Be(nameof(WorkflowBudgets.MaxElementsPerStep));
    }

    [Fact]
    public async Task A_call_activity_calling_its_own_process_stops_at_the_call_depth_budget()
    {
        var plan = Unchecked(BpmnText.Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="again"/>
            <callActivity id="again" calledElement="p"/>
            <sequenceFlow id="f2" sourceRef="again" targetRef="end"/>
            <endEvent id="end"/>
            """));

        var state = await _executor.StartAsync(plan);

        state.Status.Should().Be(InstanceStatus.Incident);
        state.Incident!.Budget.Should().Be(nameof(WorkflowBudgets.MaxCallDepth));
        state.Incident.ElementId.Should().Be("again");
        state.Incident.Message.Should().Be("The call activity 'again' would nest calls 17 deep, more than the budget of 16 (Workflow:Budgets:MaxCallDepth): does 'p' call itself?");
        state.Scopes.Count(s => s.Kind == ScopeKind.CallActivity).Should().Be(16);
    }

    [Fact]
    public async Task A_multi_instance_over_more_items_than_its_budget_becomes_an_incident_before_any_item_runs()
    {
        var plan = Unchecked(BpmnText.Process("""
            <extensionElements><o2c:variable name="lines" type="list&lt;string&gt;"/></extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="each"/>
            <userTask id="each"><multiInstanceLoopCharacteristics isSequential="false" o2c:collection="lines" o2c:elementVariable="line"/></userTask>
            <sequenceFlow id="f2" sourceRef="each" targetRef="end"/>
            <endEvent id="end"/>
            """));

        var state = await _executor.StartAsync(plan, new Dictionary<string, object?> { ["lines"] = Enumerable.Range(0, 1_001).Select(i => $"L{i}").ToList() });

        state.Status.Should().Be(InstanceStatus.Incident);
        state.Incident!.Budget.Should().Be(nameof(WorkflowBudgets.MaxMultiInstanceItems));
        state.Incident.Message.Should().Be("The multi-instance collection of 'each' has more than 1,000 items, the budget of one activity (Workflow:Budgets:MaxMultiInstanceItems).");
        state.Bookmarks.Should().BeEmpty("no item started");
    }

    [Fact]
    public async Task A_multi_instance_over_a_million_character_text_turned_into_a_list_becomes_an_incident()
    {
        var plan = Unchecked(BpmnText.Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="each"/>
            <userTask id="each"><multiInstanceLoopCharacteristics o2c:collection="&quot;x&quot;.PadLeft(1000000).ToList()" o2c:elementVariable="c"/></userTask>
            <sequenceFlow id="f2" sourceRef="each" targetRef="end"/>
            <endEvent id="end"/>
            """));

        var state = await _executor.StartAsync(plan);

        state.Status.Should().Be(InstanceStatus.Incident);
        state.Incident!.ElementId.Should().Be("each");
        state.Incident.Message.Should().Contain("PadLeft(1,000,000) would build a text longer than 100,000 characters");
    }

    [Fact]
    public async Task A_multi_instance_over_a_runaway_computed_sequence_is_stopped_while_it_is_read()
    {
        var plan = Unchecked(BpmnText.Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="each"/>
            <userTask id="each"><multiInstanceLoopCharacteristics o2c:collection="&quot;x&quot;.PadLeft(30000).SelectMany(c =&gt; &quot;x&quot;.PadLeft(30000))" o2c:elementVariable="c"/></userTask>
            <sequenceFlow id="f2" sourceRef="each" targetRef="end"/>
            <endEvent id="end"/>
            """));

        var state = await _executor.StartAsync(plan);

        state.Status.Should().Be(InstanceStatus.Incident);
        state.Incident!.Budget.Should().Be(nameof(WorkflowBudgets.MaxMultiInstanceItems), "the first budget reached while reading is the activity's");
    }

    [Fact]
    public async Task A_step_running_longer_than_its_wall_time_budget_stops_between_elements()
    {
        var steps = string.Concat(Enumerable.Range(1, 20).Select(i => $"""
            <serviceTask id="s{i}" o2c:handler="test.advance-clock"/>
            <sequenceFlow id="f{i}" sourceRef="s{i}" targetRef="{(i == 20 ? "end" : $"s{i + 1}")}"/>
            """));
        var plan = Unchecked(BpmnText.Process($"""
            <startEvent id="start"/>
            <sequenceFlow id="f0" sourceRef="start" targetRef="s1"/>
            {steps}
            <endEvent id="end"/>
            """));

        var state = await _executor.StartAsync(plan);

        state.Status.Should().Be(InstanceStatus.Incident);
        state.Incident!.Budget.Should().Be(nameof(WorkflowBudgets.MaxStepTime));
        state.Incident.Message.Should().MatchRegex(@"^The step ran for \d+ s, longer than its budget of 30 s \(Workflow:Budgets:MaxStepTime\), and was stopped at 's\d+'\.$");
    }

    [Fact]
    public async Task Budgets_are_configurable_per_runtime()
    {
        var plan = Unchecked(BpmnText.Process("""
            <extensionElements><o2c:variable name="lines" type="list&lt;string&gt;"/></extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="each"/>
            <userTask id="each"><multiInstanceLoopCharacteristics o2c:collection="lines" o2c:elementVariable="line"/></userTask>
            <sequenceFlow id="f2" sourceRef="each" targetRef="end"/>
            <endEvent id="end"/>
            """));
        var executor = new WorkflowExecutor(_time, plans: _plans, budgets: new WorkflowBudgets { MaxMultiInstanceItems = 2 });

        var two = await executor.StartAsync(plan, new Dictionary<string, object?> { ["lines"] = new List<string> { "a", "b" } });
        var three = await executor.StartAsync(plan, new Dictionary<string, object?> { ["lines"] = new List<string> { "a", "b", "c" } });

        two.Status.Should().Be(InstanceStatus.Running);
        two.Bookmarks.Should().HaveCount(2);
        three.Status.Should().Be(InstanceStatus.Incident);
        three.Incident!.Message.Should().Contain("more than 2 items");
    }

    /// <summary>Compiles the process even when the validator has errors about it (it only must parse and type-check).</summary>
    private ExecutionPlan Unchecked(string xml)
    {
        var catalog = new WorkflowCatalog(_handlers.Descriptors, []);
        var validation = BpmnValidator.Validate(BpmnParser.Parse(xml, "budget.bpmn"), catalog);
        var withoutShapeErrors = new BpmnValidationResult(validation.Document, validation.Catalog,
            [.. validation.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Error || !IsAboutTheShape(d))], validation.Expressions, validation.Variables);
        withoutShapeErrors.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty("only the shape may be refused by the validator");
        var plan = ExecutionPlanCompiler.Compile(withoutShapeErrors, "p", 1, _handlers);
        _plans.Publish(plan);
        return plan;
    }

    /// <summary>Loops, self-calls and the like; expression errors must still fail the test.</summary>
    private static bool IsAboutTheShape(Diagnostic diagnostic) => diagnostic.Code != "BPMN050" && diagnostic.Code != "BPMN051";
}

/// <summary>A service that takes ten seconds (on the fake clock).</summary>
[WorkflowHandler("test.advance-clock", "Advances the fake clock by ten seconds.")]
public sealed class ClockAdvancingHandler(FakeTimeProvider time) : WorkflowHandler<NoInput, NoOutput>
{
    protected override ValueTask<NoOutput> HandleAsync(NoInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        time.Advance(TimeSpan.FromSeconds(10));
        return ValueTask.FromResult(new NoOutput());
    }
}
