using System.Diagnostics;
using OrderToCash.Engine.Bpmn.Parsing;
using OrderToCash.Engine.Bpmn.Validation;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Runtime;
using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Cli.Commands.Bench;

/// <summary>
/// W1 credit check, in memory: start → service task → exclusive gateway → two end events. The definition is parsed,
/// validated and compiled once; each instance only runs the compiled plan. One warm-up, then five measured rounds;
/// the reported figure is the median round.
/// </summary>
internal sealed class W1CreditCheckWorkload : IBenchWorkload
{
    private const int Rounds = 5;

    private const string Definition = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="w1" targetNamespace="https://ordertocash.dev/bench">
          <process id="w1-credit-check" isExecutable="true">
            <extensionElements>
              <o2c:variable name="amount" type="decimal"/>
              <o2c:variable name="limit" type="decimal"/>
            </extensionElements>
            <startEvent id="received"/>
            <sequenceFlow id="f1" sourceRef="received" targetRef="score"/>
            <serviceTask id="score" o2c:handler="credit.score"/>
            <sequenceFlow id="f2" sourceRef="score" targetRef="decide"/>
            <exclusiveGateway id="decide" default="toRefused"/>
            <sequenceFlow id="toApproved" sourceRef="decide" targetRef="approved"><conditionExpression>approved</conditionExpression></sequenceFlow>
            <sequenceFlow id="toRefused" sourceRef="decide" targetRef="refused"/>
            <endEvent id="approved"/>
            <endEvent id="refused"/>
          </process>
        </definitions>
        """;

    public string Name => "W1";

    public int DefaultInstances => 200_000;

    public async Task<BenchResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var handlers = new HandlerCatalog([new CreditScoreHandler()]);
        var validation = BpmnValidator.Validate(BpmnParser.Parse(Definition, "w1.bpmn"), new WorkflowCatalog(handlers.Descriptors, []));
        var plan = ExecutionPlanCompiler.Compile(validation, "w1-credit-check", 1, handlers);
        var executor = new WorkflowExecutor(TimeProvider.System);
        IReadOnlyDictionary<string, object?>[] inputs =
        [
            new Dictionary<string, object?> { ["amount"] = 2_500m, ["limit"] = 10_000m },
            new Dictionary<string, object?> { ["amount"] = 25_000m, ["limit"] = 10_000m },
        ];

        await RunRoundAsync(executor, plan, inputs, Math.Max(settings.Instances / 5, 1_000), cancellationToken).ConfigureAwait(false);
        var seconds = new List<double>(Rounds);
        var outcome = default(RoundOutcome);
        for (var round = 0; round < Rounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            outcome = await RunRoundAsync(executor, plan, inputs, settings.Instances, cancellationToken).ConfigureAwait(false);
            seconds.Add(stopwatch.Elapsed.TotalSeconds);
        }

        seconds.Sort();
        return new BenchResult(Name, settings.Instances, seconds[Rounds / 2], new Dictionary<string, object>
        {
            ["rounds"] = Rounds,
            ["approved"] = outcome.Approved,
            ["refused"] = outcome.Refused,
            ["fastestSeconds"] = Math.Round(seconds[0], 6),
            ["slowestSeconds"] = Math.Round(seconds[^1], 6),
        });
    }

    private static async Task<RoundOutcome> RunRoundAsync(WorkflowExecutor executor, ExecutionPlan plan, IReadOnlyDictionary<string, object?>[] inputs, int instances, CancellationToken cancellationToken)
    {
        var approved = 0;
        var refused = 0;
        for (var i = 0; i < instances; i++)
        {
            var state = await executor.StartAsync(plan, inputs[i & 1], cancellationToken: cancellationToken).ConfigureAwait(false);
            if (state.Status != InstanceStatus.Completed)
            {
                throw new InvalidOperationException($"W1 instance {i} ended {state.Status}: {state.Incident?.Message}");
            }

            if (state.History[^1].ElementId == "approved")
            {
                approved++;
            }
            else
            {
                refused++;
            }
        }

        return new RoundOutcome(approved, refused);
    }

    private readonly record struct RoundOutcome(int Approved, int Refused);
}
