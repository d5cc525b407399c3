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
    public async Task<CorrelationResult> CorrelateAsync(IncomingMessage message, CancellationToken cancellationToken) =>
        (await CorrelateManyAsync([message], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Correlates many messages in ONE transaction (group commit), with the single-message semantics for each, and
    /// set-based reads: one query for known ids, one for the waiting subscriptions, one to take the instances.
    /// A concurrent delivery of the same message id makes the batch conflict; its replay then finds the id known.
    /// </summary>
    public Task<IReadOnlyList<CorrelationResult>> CorrelateManyAsync(IReadOnlyList<IncomingMessage> messages, CancellationToken cancellationToken)
    {
        CheckMessages(messages);
        return InTransactionAsync<IReadOnlyList<CorrelationResult>>(db => CorrelateInStepAsync(db, messages, cancellationToken), cancellationToken);
    }

    private static void CheckMessages(IReadOnlyList<IncomingMessage> messages)
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

    private async Task<IReadOnlyList<CorrelationResult>> CorrelateInStepAsync(DbContext db, IReadOnlyList<IncomingMessage> messages, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = messages.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).ToList();
        var known = (await db.Set<MessageRecord>().Where(m => ids.Contains(m.MessageId)).Select(m => m.MessageId)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var names = messages.Select(m => m.Name).Distinct(StringComparer.Ordinal).ToList();
        var keys = messages.Select(m => m.CorrelationKey).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var subscriptions = await db.Set<SubscriptionRecord>()
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

        var steps = await WorkflowStep.LoadManyAsync(db, taken.Select(s => s.InstanceId), definitions, cancellationToken).ConfigureAwait(false);
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
                ExpiresAt = now + (message.TimeToLive ?? options.MessageTimeToLive),
                Status = MessageStatus.Buffered,
            };
            received.Add(record);
            results.Add(await DeliverAsync(db, message, record, subscription, steps, touched, now, cancellationToken).ConfigureAwait(false));
        }

        await FinishAsync(touched, cancellationToken).ConfigureAwait(false);
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
            Report(result.Outcome);
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

            await Executor(db).ResumeAsync(step.Plan, step.State, subscription.BookmarkId, message.Payload, cancellationToken).ConfigureAwait(false);
            if (!touched.Contains(step))
            {
                touched.Add(step);
            }

            (record.Status, record.DeliveredTo, record.DeliveredAt) = (MessageStatus.Delivered, step.Record.Id, now);
            return new CorrelationResult(CorrelationOutcome.Delivered, step.Record.Id);
        }

        var starters = definitions.StartedBy(message.Name);
        if (starters.Count > 0)
        {
            var state = await Executor(db).StartByMessageAsync(starters[0], message.Name, message.Payload, message.CorrelationKey, cancellationToken).ConfigureAwait(false);
            touched.Add(WorkflowStep.New(db, state, starters[0], message.CorrelationKey));
            (record.Status, record.DeliveredTo, record.DeliveredAt) = (MessageStatus.Started, state.Id, now);
            return new CorrelationResult(CorrelationOutcome.Started, state.Id);
        }

        return new CorrelationResult(CorrelationOutcome.Buffered, null);
    }

    /// <summary>
    /// Delivers the buffered messages a wait now exists for, and expires the ones past their time-to-live. Under READ
    /// COMMITTED a message can be buffered at the very moment its wait is created, each transaction missing the other's
    /// row: this sweep, run by the dispatch job, delivers it. Returns how many were delivered.
    /// </summary>
    public async Task<int> DeliverBufferedMessagesAsync(CancellationToken cancellationToken, Action<string, Exception>? failures = null)
    {
        var now = clock.GetUtcNow();
        List<long> candidates;
        await using (var db = createContext())
        {
            await db.Set<MessageRecord>().Where(m => m.Status == MessageStatus.Buffered && m.ExpiresAt <= now)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, MessageStatus.Expired), cancellationToken).ConfigureAwait(false);
            candidates = await db.Set<MessageRecord>()
                .Where(m => m.Status == MessageStatus.Buffered
                    && db.Set<SubscriptionRecord>().Any(s => s.MessageName == m.Name && (s.CorrelationKey == null || s.CorrelationKey == m.CorrelationKey)))
                .OrderBy(m => m.Id)
                .Select(m => m.Id)
                .Take(options.TimerBatchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var delivered = 0;
        foreach (var id in candidates)
        {
            try
            {
                if (await InTransactionAsync(db => DeliverBufferedMessageAsync(db, id, cancellationToken), cancellationToken).ConfigureAwait(false))
                {
                    delivered++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures?.Invoke(id.ToString(System.Globalization.CultureInfo.InvariantCulture), ex);
            }
        }

        return delivered;
    }

    private async Task<bool> DeliverBufferedMessageAsync(DbContext db, long id, CancellationToken cancellationToken)
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

        var step = await WorkflowStep.LoadAsync(db, subscription.InstanceId, definitions, cancellationToken).ConfigureAwait(false);
        step.EnsureHasBookmark(subscription.BookmarkId);
        if (!step.IsWaitingAt(subscription.BookmarkId))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await Executor(db).ResumeAsync(step.Plan, step.State, subscription.BookmarkId, InstanceStateJson.DeserializePayload(message.Payload), cancellationToken).ConfigureAwait(false);
        (message.Status, message.DeliveredTo, message.DeliveredAt) = (MessageStatus.Delivered, step.Record.Id, now);
        await FinishAsync([step], cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// For the message bookmarks steps just created, delivers the oldest unexpired buffered message of each (one query for
    /// all). Returns the bookmarks those deliveries created in turn.
    /// </summary>
    private async Task<List<(WorkflowStep Step, Bookmark Bookmark)>> DeliverBufferedAsync(List<(WorkflowStep Step, Bookmark Bookmark)> waiting, CancellationToken cancellationToken)
    {
        var db = waiting[0].Step.Db;
        var now = clock.GetUtcNow();
        var names = waiting.Select(w => w.Bookmark.MessageName).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var buffered = await db.Set<MessageRecord>()
            .Where(m => m.Status == MessageStatus.Buffered && names.Contains(m.Name) && m.ExpiresAt > now)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var next = new List<(WorkflowStep, Bookmark)>();
        foreach (var (step, bookmark) in waiting)
        {
            var message = buffered.Find(m => m.Status == MessageStatus.Buffered && m.Name == bookmark.MessageName
                && (bookmark.CorrelationKey is null || m.CorrelationKey == bookmark.CorrelationKey));
            if (message is null || !step.IsWaitingAt(bookmark.Id))
            {
                continue;
            }

            var before = step.State.Bookmarks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
            await Executor(db).ResumeAsync(step.Plan, step.State, bookmark.Id, InstanceStateJson.DeserializePayload(message.Payload), cancellationToken).ConfigureAwait(false);
            (message.Status, message.DeliveredTo, message.DeliveredAt) = (MessageStatus.Delivered, step.Record.Id, now);
            next.AddRange(step.State.Bookmarks.Where(b => b.Kind == BookmarkKind.Message && !before.Contains(b.Id)).Select(b => (step, b)));
        }

        return next;
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
