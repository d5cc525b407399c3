using Microsoft.Extensions.Time.Testing;
using OrderToCash.Engine.Bpmn.Parsing;
using OrderToCash.Engine.Bpmn.Validation;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Runtime;
using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Tests.Execution;

/// <summary>Loads fixtures beside the tests, publishes them, and runs them with a fake clock and test handlers.</summary>
internal sealed class WorkflowTestHost
{
    public WorkflowTestHost()
    {
        Handlers = new HandlerCatalog([new ScoreHandler(), Echo, new RejectHandler(), Flaky, new CancellableHandler()]);
        Catalog = new WorkflowCatalog(Handlers.Descriptors, ["limits"]);
        Executor = new WorkflowExecutor(Time, Rules, Registry);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public EchoHandler Echo { get; } = new();

    public FlakyHandler Flaky { get; } = new();

    public FakeRuleSetRunner Rules { get; } = new();

    public HandlerCatalog Handlers { get; }

    public WorkflowCatalog Catalog { get; }

    public InMemoryPlanRegistry Registry { get; } = new();

    public WorkflowExecutor Executor { get; }

    public ExecutionPlan Load(string fixture, string? processId = null, int version = 1)
    {
        var document = BpmnParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "Execution", "Fixtures", fixture));
        var validation = BpmnValidator.Validate(document, Catalog);
        validation.Diagnostics.Where(d => d.Severity == Engine.Diagnostics.DiagnosticSeverity.Error).Should().BeEmpty();
        var plan = ExecutionPlanCompiler.Compile(validation, processId ?? document.Processes[0].Id, version, Handlers);
        Registry.Publish(plan);
        return plan;
    }

    /// <summary>The path as "+id" (entered), "-id" (left), "x id" (cancelled), in order.</summary>
    public static List<string> PathOf(InstanceState state) =>
        [.. state.History.Select(h => h.Kind switch { HistoryKind.Entered => "+", HistoryKind.Left => "-", _ => "x" } + h.ElementId)];

    public static Bookmark BookmarkAt(InstanceState state, string elementId) =>
        state.Bookmarks.Should().ContainSingle(b => b.ElementId == elementId).Subject;
}

/// <summary>A rule-set runner returning fixed outputs per rule set; records its inputs.</summary>
internal sealed class FakeRuleSetRunner : IRuleSetRunner
{
    public List<(string RuleSet, IReadOnlyDictionary<string, object?> Inputs)> Calls { get; } = [];

    public ValueTask<IReadOnlyDictionary<string, object?>> RunAsync(string ruleSet, IReadOnlyDictionary<string, object?> inputs, RuleTaskContext context, CancellationToken cancellationToken)
    {
        Calls.Add((ruleSet, new Dictionary<string, object?>(inputs)));
        var amount = Convert.ToDecimal(inputs["amount"], System.Globalization.CultureInfo.InvariantCulture);
        return ValueTask.FromResult<IReadOnlyDictionary<string, object?>>(new Dictionary<string, object?> { ["limitOk"] = amount <= 5000m });
    }
}
