using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderToCash.Engine.Telemetry;

namespace OrderToCash.Engine.Durable;

/// <summary>What a step tells the outside world: counters, the trace's tags, and the incident log.</summary>
internal sealed class StepTelemetry(IServiceProvider? services)
{
    /// <summary>The log every incident goes to, with its exception and scope (category OrderToCash.Engine.Incidents).</summary>
    private readonly ILogger _incidentLog =
        (services?.GetService(typeof(ILoggerFactory)) as ILoggerFactory)?.CreateLogger("OrderToCash.Engine.Incidents") ?? NullLogger.Instance;

    /// <summary>A message was correlated: count it by outcome.</summary>
    public static void Report(CorrelationOutcome outcome) =>
        EngineTelemetry.Messages.Add(1, new KeyValuePair<string, object?>(EngineTelemetry.OutcomeTag, outcome switch
        {
            CorrelationOutcome.Delivered => "delivered",
            CorrelationOutcome.Started => "started",
            CorrelationOutcome.Buffered => "buffered",
            _ => "duplicate",
        }));

    /// <summary>A step's consequences are written: count it, time it, and log the incident it opened.</summary>
    public void Report(WorkflowStep step)
    {
        var process = new KeyValuePair<string, object?>(EngineTelemetry.ProcessTag, step.Record.ProcessId);
        EngineTelemetry.StepsRun.Add(1, process);
        EngineTelemetry.StepDuration.Record(EngineTelemetry.SecondsSince(step.StartedTimestamp), process);
        var activity = Activity.Current is { } current && current.Source == EngineTelemetry.ActivitySource ? current : null;
        activity?.SetTag(EngineTelemetry.ProcessTag, step.Record.ProcessId);
        if (step.OpenedIncident is not { } incident)
        {
            return;
        }

        EngineTelemetry.IncidentsOpened.Add(1, process);
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, incident.Message);
            if (incident.Exception is { } exception)
            {
                activity.AddException(exception);
            }
        }

        using (IncidentLog.Scope(_incidentLog, step.Record.ProcessId, step.Record.Version, step.Record.Id, incident.ElementId, step.Record.BusinessKey))
        {
            IncidentLog.Opened(_incidentLog, incident.Exception, step.Record.ProcessId, step.Record.Version, step.Record.Id, incident.ElementId, step.Record.BusinessKey, incident.Message);
        }
    }
}
