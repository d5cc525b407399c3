using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderToCash.Core.Orders;

/// <summary>
/// At host start, starts the release workflow of blocked orders left without one by a crash between the order's commit
/// and the instance's start (ADR 0040): no blocked order waits for a task that no one was given.
/// </summary>
internal sealed partial class CreditReleaseRepair(OrderEntry entry, ILogger<CreditReleaseRepair> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = await entry.StartMissingReleasesAsync(cancellationToken).ConfigureAwait(false);
        if (started > 0)
        {
            LogRepaired(logger, started);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Started the missing credit-release workflow of {Count} blocked orders")]
    private static partial void LogRepaired(ILogger logger, int count);
}
