using Microsoft.Extensions.Logging;

namespace OrderToCash.Engine.Telemetry;

/// <summary>
/// The log line of an incident: an error with the exception that caused it (when one did) and a scope naming the
/// process, version, instance, element and business key, so a JSON log or an OTLP collector can filter on each.
/// </summary>
internal static partial class IncidentLog
{
    private static readonly Func<ILogger, string, int, string, string, string?, IDisposable?> ScopeFormat =
        LoggerMessage.DefineScope<string, int, string, string, string?>(
            "Process {ProcessId} v{ProcessVersion}, instance {InstanceId}, element {ElementId}, business key {BusinessKey}");

    public static IDisposable? Scope(ILogger logger, string processId, int version, string instanceId, string elementId, string? businessKey) =>
        ScopeFormat(logger, processId, version, instanceId, elementId, businessKey);

    [LoggerMessage(EventId = 1300, EventName = "IncidentOpened", Level = LogLevel.Error,
        Message = "Incident in {ProcessId} v{ProcessVersion}, instance {InstanceId} at {ElementId} (business key {BusinessKey}): {IncidentMessage}")]
    public static partial void Opened(ILogger logger, Exception? exception, string processId, int processVersion, string instanceId, string elementId, string? businessKey, string incidentMessage);
}
