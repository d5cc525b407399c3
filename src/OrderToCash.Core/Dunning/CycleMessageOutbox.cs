using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable;

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

    public static Task EnqueueAsync(DbContext db, string name, string correlationKey, string messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WorkflowOutbox.AddAsync(db, new IncomingMessage(name, correlationKey, messageId), TimeToLive, now, cancellationToken);
}
