using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrderToCash.Engine.Telemetry;

/// <summary>
/// The engine's own traces and metrics (System.Diagnostics: no dependency here; the host's OpenTelemetry listens to
/// <see cref="Name"/>). Instruments are created once; recording one is a few nanoseconds when nobody listens, and the
/// tags are strings the engine already holds (process ids, rule set names, fixed outcome names), never formatted text.
/// </summary>
public static class EngineTelemetry
{
    /// <summary>The Meter and ActivitySource name.</summary>
    public const string Name = "OrderToCash.Engine";

    /// <summary>Tag: the process id of a step or incident.</summary>
    public const string ProcessTag = "o2c.process";

    /// <summary>Tag: the rule set evaluated.</summary>
    public const string RuleSetTag = "o2c.rule_set";

    /// <summary>Tag: what became of a message.</summary>
    public const string OutcomeTag = "o2c.outcome";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Steps written (a step replayed after losing a race to another host counts again).</summary>
    public static readonly Counter<long> StepsRun = Meter.CreateCounter<long>("o2c.workflow.steps", "{step}", "Workflow steps run, per process.");

    /// <summary>From a step's load (or start) to its consequences written, before the commit; a batch's steps share their batch's time.</summary>
    public static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>("o2c.workflow.step.duration", "s", "Time to run a workflow step.");

    public static readonly Counter<long> IncidentsOpened = Meter.CreateCounter<long>("o2c.workflow.incidents", "{incident}", "Incidents opened (an instance stopped for a person), per process.");

    public static readonly Counter<long> TimersDue = Meter.CreateCounter<long>("o2c.workflow.timers.due", "{timer}", "Due timers claimed for firing by this host.");

    /// <summary>How late a timer is claimed after its due time: the scheduler's lag.</summary>
    public static readonly Histogram<double> TimerLag = Meter.CreateHistogram<double>("o2c.workflow.timer.lag", "s", "Delay between a timer's due time and its claim.");

    public static readonly Counter<long> Messages = Meter.CreateCounter<long>("o2c.workflow.messages", "{message}", "Messages correlated, by outcome (delivered, started, buffered, duplicate).");

    /// <summary>SQL statements the engine ran itself, not through EF, to write a unit of work's rows (ADR 0112, 0135).</summary>
    public static readonly Counter<long> WriteStatements = Meter.CreateCounter<long>("o2c.workflow.write.statements", "{statement}", "SQL statements the engine ran itself to write a unit of work's rows.");

    public static readonly Counter<long> RuleEvaluations = Meter.CreateCounter<long>("o2c.rules.evaluations", "{evaluation}", "Rule set evaluations, per rule set.");

    public static readonly Histogram<double> RuleEvaluationDuration = Meter.CreateHistogram<double>("o2c.rules.evaluation.duration", "s", "Time to evaluate a rule set.");

    /// <summary>Seconds since a <see cref="Stopwatch.GetTimestamp"/> value.</summary>
    public static double SecondsSince(long timestamp) => Stopwatch.GetElapsedTime(timestamp).TotalSeconds;
}
