using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderToCash.Core.Disputes;

/// <summary>At host start, starts the workflow of open disputes a crash left without one: no dispute waits for an owner nobody was given.</summary>
internal sealed partial class DisputeWorkflowRepair(DisputeWorkflowStarter starter, ILogger<DisputeWorkflowRepair> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = await starter.StartMissingAsync(cancellationToken).ConfigureAwait(false);
        if (started > 0)
        {
            LogRepaired(logger, started);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Started the missing dispute workflow of {Count} open disputes")]
    private static partial void LogRepaired(ILogger logger, int count);
}
