using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// Delivers the outbox's pending letters and phone tasks through the channel (e-mailed steps go out grouped, as
/// statements: <see cref="ReminderStatements"/>), oldest first, recording each outcome: delivered, or a
/// failed attempt (retried at the next run until <see cref="ReminderOptions.MaxAttempts"/>, then Failed for a person).
/// </summary>
public sealed class ReminderDelivery(Func<OrderToCashDbContext> createContext, IReminderChannel channel, ReminderOptions options, TimeProvider clock)
{
    private const int BatchSize = 200;

    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var pending = await db.Set<Reminder>()
            .Where(r => r.Status == ReminderDeliveryStatus.Pending && r.Channel != ReminderChannelKind.Email)
            .OrderBy(r => r.CreatedAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var delivered = 0;
        foreach (var reminder in pending)
        {
            try
            {
                await channel.DeliverAsync(reminder, cancellationToken).ConfigureAwait(false);
                reminder.Delivered(clock.GetUtcNow());
                delivered++;
                OrderToCashTelemetry.RemindersSent.Add(1);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or HttpRequestException)
            {
                reminder.Failed(ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message, options.MaxAttempts);
                OrderToCashTelemetry.RemindersFailed.Add(1);
            }

            // One save per reminder: a crash loses at most the record of one delivery, which the channel repeats harmlessly.
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return delivered;
    }
}
