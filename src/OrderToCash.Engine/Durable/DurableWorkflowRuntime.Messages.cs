using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Durable;

public sealed partial class DurableWorkflowRuntime
{
    /// <summary>
    /// Correlates a message by name and business key. A message id seen before changes nothing; a message nobody waits
    /// for starts the process that has a message start event for it, or is buffered until its time-to-live ends.
    /// </summary>
    public async Task<CorrelationResult> CorrelateAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.MessageId) || string.IsNullOrWhiteSpace(message.Name))
        {
            throw new ArgumentException("A message needs a name and a message id (the id makes redelivery harmless).", nameof(message));
        }

        // A concurrent delivery of the same message id makes this one conflict; its replay then finds the id known.
        return await InTransactionAsync(db => CorrelateInAsync(db, message, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task<CorrelationResult> CorrelateInAsync(DbContext db, IncomingMessage message, CancellationToken cancellationToken)
    {
        // Local first: a batch may carry the same message twice.
        if (db.Set<MessageRecord>().Local.Any(m => m.MessageId == message.MessageId)
            || await db.Set<MessageRecord>().AnyAsync(m => m.MessageId == message.MessageId, cancellationToken).ConfigureAwait(false))
        {
            return new CorrelationResult(CorrelationOutcome.Duplicate, null);
        }

        var now = clock.GetUtcNow();
        var record = new MessageRecord
        {
            MessageId = message.MessageId,
            Name = message.Name,
            CorrelationKey = message.CorrelationKey,
            Payload = InstanceStateJson.SerializePayload(message.Payload),
            ReceivedAt = now,
            ExpiresAt = now + (message.TimeToLive ?? options.MessageTimeToLive),
            Status = MessageStatus.Buffered,
        };
        db.Add(record);

        var subscription = await db.Set<SubscriptionRecord>()
            .Where(s => s.MessageName == message.Name && (s.CorrelationKey == null || s.CorrelationKey == message.CorrelationKey))
            .OrderBy(s => s.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (subscription is not null)
        {
            var instance = await db.Set<InstanceRecord>().FirstAsync(i => i.Id == subscription.InstanceId, cancellationToken).ConfigureAwait(false);
            var step = await WorkflowStep.LoadAsync(db, instance, definitions, cancellationToken).ConfigureAwait(false);
            step.EnsureWaitingAt(subscription.BookmarkId);
            await Executor(db).ResumeAsync(step.Plan, step.State, subscription.BookmarkId, message.Payload, cancellationToken).ConfigureAwait(false);
            await FinishAsync(step, cancellationToken).ConfigureAwait(false);
            (record.Status, record.DeliveredTo, record.DeliveredAt) = (MessageStatus.Delivered, instance.Id, now);
            return new CorrelationResult(CorrelationOutcome.Delivered, instance.Id);
        }

        var starters = definitions.StartedBy(message.Name);
        var starter = starters.Count > 0 ? starters[0] : null;
        if (starter is not null)
        {
            var state = await Executor(db).StartByMessageAsync(starter, message.Name, message.Payload, cancellationToken).ConfigureAwait(false);
            var step = WorkflowStep.New(db, state, starter, message.CorrelationKey);
            await FinishAsync(step, cancellationToken).ConfigureAwait(false);
            (record.Status, record.DeliveredTo, record.DeliveredAt) = (MessageStatus.Started, state.Id, now);
            return new CorrelationResult(CorrelationOutcome.Started, state.Id);
        }

        return new CorrelationResult(CorrelationOutcome.Buffered, null);
    }

    /// <summary>Delivers the oldest unexpired buffered message matching a bookmark the step just created.</summary>
    private async Task<bool> DeliverBufferedAsync(WorkflowStep step, Bookmark bookmark, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var buffered = await step.Db.Set<MessageRecord>()
            .Where(m => m.Status == MessageStatus.Buffered && m.Name == bookmark.MessageName && m.ExpiresAt > now
                && (bookmark.CorrelationKey == null || m.CorrelationKey == bookmark.CorrelationKey))
            .OrderBy(m => m.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (buffered is null)
        {
            return false;
        }

        await Executor(step.Db).ResumeAsync(step.Plan, step.State, bookmark.Id, InstanceStateJson.DeserializePayload(buffered.Payload), cancellationToken).ConfigureAwait(false);
        (buffered.Status, buffered.DeliveredTo, buffered.DeliveredAt) = (MessageStatus.Delivered, step.Record.Id, now);
        return true;
    }
}

/// <param name="Name">The message name the bookmarks wait for.</param>
/// <param name="CorrelationKey">The business key (order, invoice, customer id).</param>
/// <param name="MessageId">Unique per message: a redelivery with the same id is ignored.</param>
/// <param name="Payload">Becomes variables through the receiving element's output mappings.</param>
/// <param name="TimeToLive">How long to buffer it when nobody waits yet; the configured default otherwise.</param>
public sealed record IncomingMessage(string Name, string? CorrelationKey, string MessageId, IReadOnlyDictionary<string, object?>? Payload = null, TimeSpan? TimeToLive = null);

public sealed record CorrelationResult(CorrelationOutcome Outcome, string? InstanceId);

public enum CorrelationOutcome
{
    Delivered,
    Started,
    Buffered,
    Duplicate,
}
