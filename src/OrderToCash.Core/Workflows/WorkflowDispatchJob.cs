using Microsoft.Extensions.Logging;
using OrderToCash.Engine.Durable;
using Quartz;

namespace OrderToCash.Core.Workflows;

/// <summary>
/// Fires the workflow timers that are due and retries the incidents whose back-off elapsed. The rows in the database
/// are the truth; this job only looks at them often, and several hosts may run it (timers are leased).
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class WorkflowDispatchJob(DurableWorkflowRuntime runtime, ILogger<WorkflowDispatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("workflow-dispatch", "workflows");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var fired = await runtime.FireDueTimersAsync(cancellationToken).ConfigureAwait(false);
        var retried = await runtime.RetryDueIncidentsAsync(cancellationToken).ConfigureAwait(false);
        if (fired + retried > 0)
        {
            LogDispatched(logger, fired, retried);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fired {Fired} workflow timer(s), retried {Retried} incident(s)")]
    private static partial void LogDispatched(ILogger logger, int fired, int retried);
}
