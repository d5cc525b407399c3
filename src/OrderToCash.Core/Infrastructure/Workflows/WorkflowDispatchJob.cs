using Microsoft.Extensions.Logging;
using OrderToCash.Engine.Durable;
using Quartz;

namespace OrderToCash.Core.Infrastructure.Workflows;

/// <summary>
/// Fires the workflow timers that are due, starts the processes whose timer start event is due, retries the incidents whose back-off elapsed, and delivers buffered messages
/// whose wait now exists. The rows in the database
/// are the truth; this job only looks at them often, and several hosts may run it (timers are leased).
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class WorkflowDispatchJob(WorkflowDispatcher dispatcher, ILogger<WorkflowDispatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("workflow-dispatch", "workflows");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var fired = await dispatcher.FireDueTimersAsync(cancellationToken, (instance, ex) => LogFailed(logger, "fire a timer of", instance, ex)).ConfigureAwait(false);
        var started = await dispatcher.StartDueProcessesAsync(cancellationToken, (process, ex) => LogFailed(logger, "start on its timer the process", process, ex)).ConfigureAwait(false);
        var retried = await dispatcher.RetryDueIncidentsAsync(cancellationToken, (instance, ex) => LogFailed(logger, "retry the incident of", instance, ex)).ConfigureAwait(false);
        var delivered = await dispatcher.DeliverBufferedMessagesAsync(cancellationToken, (message, ex) => LogFailed(logger, "deliver the buffered message", message, ex)).ConfigureAwait(false);
        if (fired + started + retried + delivered > 0)
        {
            LogDispatched(logger, fired, started, retried, delivered);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fired {Fired} workflow timer(s), started {Started} process(es) on their timer, retried {Retried} incident(s), delivered {Delivered} buffered message(s)")]
    private static partial void LogDispatched(ILogger logger, int fired, int started, int retried, int delivered);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not {Action} {Subject}; the others went on and it will be tried again")]
    private static partial void LogFailed(ILogger logger, string action, string subject, Exception exception);
}
