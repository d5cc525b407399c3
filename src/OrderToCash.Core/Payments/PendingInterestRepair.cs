using Microsoft.Extensions.Hosting;

namespace OrderToCash.Core.Payments;

/// <summary>
/// At host start, charges pending interest a rate entered meanwhile now covers and asks for the missing rates a crash
/// left unasked (ADR 0101): between a settlement's commit and its follow-up nothing is lost, only delayed.
/// </summary>
internal sealed class PendingInterestRepair(EcbRateEntry entry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => entry.FollowUpAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
