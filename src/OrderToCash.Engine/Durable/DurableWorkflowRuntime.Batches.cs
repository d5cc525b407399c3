
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
            var steps = new List<WorkflowStep>(requests.Count);
            foreach (var request in requests)
            {
                var state = await executor.StartAsync(plan, request.Variables, cancellationToken: cancellationToken, businessKey: request.BusinessKey).ConfigureAwait(false);
                steps.Add(WorkflowStep.New(db, state, plan, request.BusinessKey));
            }

            await FinishAsync(steps, cancellationToken).ConfigureAwait(false);
            return [.. steps.Select(Summary)];
        }, cancellationToken);
    }
}

/// <summary>One instance to start: its variables and business key.</summary>
public sealed record StartRequest(IReadOnlyDictionary<string, object?>? Variables = null, string? BusinessKey = null);
