using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Durable;

public sealed partial class DurableWorkflowRuntime
{
    /// <summary>
    /// Starts the latest version of <paramref name="processId"/> inside the caller's unit of work: <paramref name="db"/>
    /// with its transaction open. The first step runs now, on that connection (its handlers see the caller's uncommitted
    /// rows, e.g. the order just inserted), and everything it writes commits or rolls back with the caller's own writes:
    /// "insert the order + start its process" is one commit. The caller saves and commits; a race the step loses
    /// (<see cref="Runtime.StepConflictException"/>, a <see cref="DbUpdateException"/>) is the caller's to replay with its
    /// whole unit of work.
    /// </summary>
    public async Task<InstanceSummary> StartInAsync(DbContext db, string processId, IReadOnlyDictionary<string, object?>? variables, string? businessKey, CancellationToken cancellationToken)
    {
        var plan = definitions.Latest(processId) ?? throw new KeyNotFoundException($"No process '{processId}' is published.");
        EnsureTransaction(db);
        var state = await Executor(db).StartAsync(plan, variables, businessKey: businessKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        var step = WorkflowStep.New(db, state, plan, businessKey);
        await FinishAsync([step], cancellationToken).ConfigureAwait(false);
        return Summary(step);
    }

    /// <summary>
    /// Correlates messages inside the caller's unit of work (see <see cref="StartInAsync"/>), with the semantics of
    /// <see cref="CorrelateManyAsync"/>: the steps they resume run now and commit with the caller's writes.
    /// </summary>
    public Task<IReadOnlyList<CorrelationResult>> CorrelateInAsync(DbContext db, IReadOnlyList<IncomingMessage> messages, CancellationToken cancellationToken)
    {
        CheckMessages(messages);
        EnsureTransaction(db);
        return CorrelateInStepAsync(db, messages, cancellationToken);
    }

    private static void EnsureTransaction(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The caller's unit of work must have begun its transaction before a workflow step joins it.");
        }
    }
}
