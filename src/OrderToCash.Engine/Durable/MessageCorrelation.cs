using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// Message correlation inside a step's unit of work: each message goes to the oldest wait for its name and key, starts
/// the process that has a message start event for it, or waits in the buffer until its time-to-live ends; a message id
/// seen before changes nothing.
/// </summary>
internal sealed class MessageCorrelation(StepUnitOfWork unitOfWork)
{
    public static void CheckMessages(IReadOnlyList<IncomingMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            if (string.IsNullOrWhiteSpace(message.MessageId) || string.IsNullOrWhiteSpace(message.Name))
            {
                throw new ArgumentException("A message needs a name and a message id (the id makes redelivery harmless).", nameof(messages));
            }
        }
    }

    /// <summary>
    /// Correlates <paramref name="messages"/> in <paramref name="db"/>'s unit of work, with set-based reads: one query for
    /// known ids, one for the waiting subscriptions, one to take the instances. A concurrent delivery of the same message
    /// id makes the unit of work conflict; its replay then finds the id known.
    /// </summary>
    public async Task<IReadOnlyList<CorrelationResult>> CorrelateAsync(DbContext db, IReadOnlyList<IncomingMessage> messages, CancellationToken cancellationToken)
    {
        var now = unitOfWork.Clock.GetUtcNow();
        var ids = messages.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).ToList();
        var known = (await db.Set<MessageRecord>().Where(m => ids.Contains(m.MessageId)).Select(m => m.MessageId)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var names = messages.Select(m => m.Name).Distinct(StringComparer.Ordinal).ToList();
        var keys = messages.Select(m => m.CorrelationKey).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var subscriptions = await db.Set<SubscriptionRecord>().AsNoTracking()
            .Where(s => names.Contains(s.MessageName) && (s.CorrelationKey == null || keys.Contains(s.CorrelationKey)))
            .OrderBy(s => s.CreatedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // Which subscription each new message goes to (each subscription takes one message); repeats are duplicates.
        var plans = new List<(IncomingMessage Message, SubscriptionRecord? Subscription, bool Duplicate)>();
        var taken = new HashSet<SubscriptionRecord>();
        foreach (var message in messages)
        {
            if (!known.Add(message.MessageId))
            {
                plans.Add((message, null, true));
                continue;
            }

            var subscription = subscriptions.Find(s => !taken.Contains(s) && s.MessageName == message.Name && (s.CorrelationKey is null || s.CorrelationKey == message.CorrelationKey));
            if (subscription is not null)
            {
                taken.Add(subscription);
            }

            plans.Add((message, subscription, false));
        }

        var steps = await WorkflowStep.LoadManyAsync(db, taken.Select(s => s.InstanceId), unitOfWork.Definitions, cancellationToken).ConfigureAwait(false);
        var touched = new List<WorkflowStep>();
        var received = new List<MessageRecord>(messages.Count);
        var results = new List<CorrelationResult>(messages.Count);
        foreach (var (message, subscription, duplicate) in plans)
        {
            if (duplicate)
            {
                results.Add(new CorrelationResult(CorrelationOutcome.Duplicate, null));
                continue;
            }

            var record = new MessageRecord
            {
                MessageId = message.MessageId,
                Name = message.Name,
                CorrelationKey = message.CorrelationKey,
                Payload = InstanceStateJson.SerializePayload(message.Payload),
                ReceivedAt = now,
                ExpiresAt = now + (message.TimeToLive ?? unitOfWork.Options.MessageTimeToLive),
                Status = MessageStatus.Buffered,
            };
            received.Add(record);
            results.Add(await DeliverAsync(db, message, record, subscription, steps, touched, now, cancellationToken).ConfigureAwait(false));
        }

        await unitOfWork.FinishAsync(touched, cancellationToken).ConfigureAwait(false);
        // Appended with their final status (delivered, started, buffered); a message id another host recorded meanwhile
        // breaks the unique index and the batch replays, then finds the id known.
        if (db.Database.CurrentTransaction is null)
        {
            db.AddRange(received);
        }
        else
        {
            await RowInserter.InsertAsync(db, received, cancellationToken).ConfigureAwait(false);
        }

        foreach (var result in results)
        {
            StepTelemetry.Report(result.Outcome);
        }

        return results;
    }

    private async Task<CorrelationResult> DeliverAsync(
        DbContext db, IncomingMessage message, MessageRecord record, SubscriptionRecord? subscription,
        Dictionary<string, WorkflowStep> steps, List<WorkflowStep> touched, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (subscription is not null)
        {
            var step = steps.GetValueOrDefault(subscription.InstanceId)
                ?? throw new StaleStepException($"The instance '{subscription.InstanceId}' disappeared while its message was delivered.");
            // The subscription was read before the instance was taken: another host may have consumed it meanwhile.
            step.EnsureHasBookmark(subscription.BookmarkId);
            if (!step.IsWaitingAt(subscription.BookmarkId))
            {
                // Stopped by an incident: the message waits in the buffer and is delivered when the incident is retried.
                return new CorrelationResult(CorrelationOutcome.Buffered, null);
            }

            await unitOfWork.Executor(db).ResumeAsync(step.Plan, step.State, subscription.BookmarkId, message.Payload, cancellationToken).ConfigureAwait(false);
            if (!touched.Contains(step))
            {
                touched.Add(step);
            }

            (record.Status, record.DeliveredTo, record.DeliveredAt) = (MessageStatus.Delivered, step.Record.Id, now);
            return new CorrelationResult(CorrelationOutcome.Delivered, step.Record.Id);
        }

        var starters = unitOfWork.Definitions.StartedBy(message.Name);
        if (starters.Count > 0)
        {
            var state = await unitOfWork.Executor(db).StartByMessageAsync(starters[0], message.Name, message.Payload, message.CorrelationKey, cancellationToken).ConfigureAwait(false);
            touched.Add(WorkflowStep.New(db, state, starters[0], message.CorrelationKey));
            (record.Status, record.DeliveredTo, record.DeliveredAt) = (MessageStatus.Started, state.Id, now);
            return new CorrelationResult(CorrelationOutcome.Started, state.Id);
        }

        return new CorrelationResult(CorrelationOutcome.Buffered, null);
    }

    /// <summary>Delivers one buffered message to the oldest wait for it; false when it is gone or nothing waits any more.</summary>
    public async Task<bool> DeliverBufferedAsync(DbContext db, long id, CancellationToken cancellationToken)
    {
        var message = await db.Set<MessageRecord>().FirstOrDefaultAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false);
        if (message is not { Status: MessageStatus.Buffered })
        {
            return false;
        }

        var subscription = await db.Set<SubscriptionRecord>()
            .Where(s => s.MessageName == message.Name && (s.CorrelationKey == null || s.CorrelationKey == message.CorrelationKey))
            .OrderBy(s => s.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (subscription is null)
        {
            return false;
        }

        var step = await unitOfWork.LoadAsync(db, subscription.InstanceId, cancellationToken).ConfigureAwait(false);
        step.EnsureHasBookmark(subscription.BookmarkId);
        if (!step.IsWaitingAt(subscription.BookmarkId))
        {
            return false;
        }

        var now = unitOfWork.Clock.GetUtcNow();
        await unitOfWork.Executor(db).ResumeAsync(step.Plan, step.State, subscription.BookmarkId, InstanceStateJson.DeserializePayload(message.Payload), cancellationToken).ConfigureAwait(false);
        (message.Status, message.DeliveredTo, message.DeliveredAt) = (MessageStatus.Delivered, step.Record.Id, now);
        await unitOfWork.FinishAsync([step], cancellationToken).ConfigureAwait(false);
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
