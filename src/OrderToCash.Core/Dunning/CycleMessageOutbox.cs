using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// Sends a message to another workflow from inside a workflow step. A step cannot call the runtime (that would open a
/// second unit of work, waiting on the step's own lock), so the message is written as a buffered message in the step's
/// transaction: it exists if and only if the step commits, and the dispatch job delivers it to the waiting instance
/// within a second. The message id is derived from the event, so a replayed step writes it once.
/// </summary>
public static class CycleMessageOutbox
{
    /// <summary>Long enough for a dunning instance busy at a user task to come back to its wait.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromDays(30);

    public static async Task EnqueueAsync(DbContext db, string name, string correlationKey, string messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Set<MessageRecord>().Local.Any(m => m.MessageId == messageId)
            || await db.Set<MessageRecord>().AnyAsync(m => m.MessageId == messageId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        db.Add(new MessageRecord
        {
            MessageId = messageId,
            Name = name,
            CorrelationKey = correlationKey,
            ReceivedAt = now,
            ExpiresAt = now + TimeToLive,
            Status = MessageStatus.Buffered,
        });
    }
}
