using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderToCash.Core.Orders;

/// <summary>
/// At host start, starts the order-to-cash workflow of orders left without one by a crash between the order's commit
/// and the instance's start (ADR 0040, 0041): no blocked order waits for a task that no one was given, and no accepted
/// order waits for a delivery that no instance listens to.
/// </summary>
internal sealed partial class CycleRepair(OrderEntry entry, ILogger<CycleRepair> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = await entry.StartMissingCyclesAsync(cancellationToken).ConfigureAwait(false);
        if (started > 0)
        {
            LogRepaired(logger, started);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Started the missing order-to-cash workflow of {Count} orders")]
    private static partial void LogRepaired(ILogger logger, int count);
}
