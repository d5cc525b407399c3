using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// Sends a message from inside a unit of work that is not the runtime's (a workflow step's handler): the message is
/// written as buffered in that transaction, so it exists if and only if the transaction commits, and the dispatch job
/// delivers it to the waiting instance (<see cref="WorkflowDispatcher.DeliverBufferedMessagesAsync"/>). A message
/// id already written (committed, or added earlier in the same unit of work) is not written again.
/// </summary>
public static class WorkflowOutbox
{
    public static async Task AddAsync(DbContext db, IncomingMessage message, TimeSpan timeToLive, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        if (db.Set<MessageRecord>().Local.Any(m => m.MessageId == message.MessageId)
            || await db.Set<MessageRecord>().AnyAsync(m => m.MessageId == message.MessageId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        db.Add(new MessageRecord
        {
            MessageId = message.MessageId,
            Name = message.Name,
            CorrelationKey = message.CorrelationKey,
            Payload = InstanceStateJson.SerializePayload(message.Payload),
            ReceivedAt = now,
            ExpiresAt = now + (message.TimeToLive ?? timeToLive),
            Status = MessageStatus.Buffered,
        });
    }
}
