namespace OrderToCash.Host.Features.Remind;

/// <summary>
/// How a request that lost a race on a shared row (the dispute series, an invoice, a unique message id) tries again: on
/// fresh data, after a short random pause in real time so that the losers of one race do not collide again.
/// </summary>
internal static class LostRace
{
    public const int MaxAttempts = 20;

    public static Task PauseAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 5))), cancellationToken);
}
