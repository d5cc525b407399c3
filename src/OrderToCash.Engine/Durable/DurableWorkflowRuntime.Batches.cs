
namespace OrderToCash.Engine.Durable;

public sealed partial class DurableWorkflowRuntime
{
    /// <summary>
    /// Starts many instances in ONE transaction (group commit): one durable commit for the whole batch instead of one
    /// per instance, which is what lifts throughput past the disk's commits per second. All or nothing: a conflict
    /// replays the whole batch.
    /// </summary>
    public Task<IReadOnlyList<InstanceSummary>> StartManyAsync(string processId, IReadOnlyList<StartRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var plan = definitions.Latest(processId) ?? throw new KeyNotFoundException($"No process '{processId}' is published.");
        return InTransactionAsync<IReadOnlyList<InstanceSummary>>(async db =>
        {
            var executor = Executor(db);
            var started = new List<InstanceSummary>(requests.Count);
            foreach (var request in requests)
            {
                var state = await executor.StartAsync(plan, request.Variables, cancellationToken: cancellationToken).ConfigureAwait(false);
                var step = WorkflowStep.New(db, state, plan, request.BusinessKey);
                await FinishAsync(step, cancellationToken).ConfigureAwait(false);
                started.Add(Summary(step));
            }

            return started;
        }, cancellationToken);
    }

    /// <summary>Correlates many messages in one transaction (group commit); each keeps the single-message semantics.</summary>
    public Task<IReadOnlyList<CorrelationResult>> CorrelateManyAsync(IReadOnlyList<IncomingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return InTransactionAsync<IReadOnlyList<CorrelationResult>>(async db =>
        {
            var results = new List<CorrelationResult>(messages.Count);
            foreach (var message in messages)
            {
                results.Add(await CorrelateInAsync(db, message, cancellationToken).ConfigureAwait(false));
            }

            return results;
        }, cancellationToken);
    }
}

/// <summary>One instance to start: its variables and business key.</summary>
public sealed record StartRequest(IReadOnlyDictionary<string, object?>? Variables = null, string? BusinessKey = null);
