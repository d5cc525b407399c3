using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace OrderToCash.Core.Infrastructure.Persistence;

/// <summary>
/// The one way a write that lost a race on a shared row (a number series, an invoice, a customer's exposure, a unique
/// reference) tries again: the whole unit of work runs again on fresh data, after a short random pause in real time so
/// that the losers of one race do not collide again (ADR 0111). The retried unit reads the state again, so it answers
/// with what really changed (the order is already delivered, the reference is already recorded) instead of a
/// "someone else changed this record" conflict.
/// </summary>
public static class LostRace
{
    public const int MaxAttempts = 20;

    /// <summary>
    /// Runs <paramref name="attempt"/> (given the attempt number, from 1) until it is not beaten by a concurrent write;
    /// each attempt must open its own unit of work (a context whose tracked rows are not reused).
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<int, Task<T>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(number).ConfigureAwait(false);
            }
            catch (Exception ex) when (number < MaxAttempts && IsLostRace(ex))
            {
                await PauseAsync(number, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A concurrency conflict, a unique key taken meanwhile (through EF or raw SQL), or the database refusing the transaction because of another
    /// one (SQLite busy or locked, PostgreSQL serialization failure or deadlock).
    /// </summary>
    public static bool IsLostRace(Exception exception) => exception switch
    {
        DbUpdateException => true,
        SqliteException { SqliteErrorCode: 5 or 6 } => true,
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => true,
        // The same unique key written by raw SQL (the runtime's multi-row inserts), not through SaveChanges.
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        InvalidOperationException { InnerException: { } inner } => IsLostRace(inner),
        // A workflow step run in the caller's unit of work (ADR 0063) whose writes lost the race.
        Engine.Runtime.StepConflictException { InnerException: { } inner } => IsLostRace(inner),
        _ => false,
    };

    /// <summary>A random pause growing with the attempt (5 to at most 100 ms), in real time: the race is real, not simulated.</summary>
    public static Task PauseAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Clamp(attempt, 1, 5))), cancellationToken);
}
