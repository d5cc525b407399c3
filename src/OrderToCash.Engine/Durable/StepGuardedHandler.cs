using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Runtime;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// Runs a handler with its own database context on the step's connection and transaction, behind a savepoint. If the
/// handler succeeds its writes are flushed (still uncommitted: they commit with the step); if it throws (technical
/// failure or BPMN error) the savepoint is rolled back and its context dropped, so the step commits the incident (or the
/// error path) alone, while the writes of the elements completed earlier in the step stay.
/// </summary>
internal sealed class StepGuardedHandler(IWorkflowHandler inner) : IWorkflowHandler
{
    public HandlerDescriptor Descriptor => inner.Descriptor;

    public ValueTask<IReadOnlyDictionary<string, object?>> ExecuteAsync(HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Services is StepServiceProvider step
            ? StepGuard.RunAsync(step, context.ElementId, scope => inner.ExecuteAsync(new HandlerContext(context.InstanceId, context.ElementId, context.Inputs, scope), cancellationToken), cancellationToken)
            : inner.ExecuteAsync(context, cancellationToken);
    }
}

/// <summary>
/// A business-rule task's runner behind the same savepoint as a handler: the decision record it writes is flushed in the
/// step's transaction (so its id can be an output) and goes if the step fails.
/// </summary>
internal sealed class StepGuardedRuleSetRunner(IRuleSetRunner inner) : IRuleSetRunner
{
    public ValueTask<IReadOnlyDictionary<string, object?>> RunAsync(string ruleSet, IReadOnlyDictionary<string, object?> inputs, RuleTaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.StepServices is StepServiceProvider step
            ? StepGuard.RunAsync(step, context.ElementId, scope => inner.RunAsync(ruleSet, inputs, context with { StepServices = scope }, cancellationToken), cancellationToken)
            : inner.RunAsync(ruleSet, inputs, context, cancellationToken);
    }
}

/// <summary>The savepoint around one handler or rule set of a step.</summary>
internal static class StepGuard
{
    public static async ValueTask<IReadOnlyDictionary<string, object?>> RunAsync(
        StepServiceProvider step, string elementId, Func<HandlerServices, ValueTask<IReadOnlyDictionary<string, object?>>> work, CancellationToken cancellationToken)
    {
        await using var scope = step.ForHandler();
        IReadOnlyDictionary<string, object?> outputs;
        try
        {
            outputs = await work(scope).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await RollBackAsync(scope).ConfigureAwait(false);
            throw;
        }

        if (scope.Db is { } db)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException conflict)
            {
                // Another host changed or created the same rows: a race to replay, not the handler's failure.
                await RollBackAsync(scope).ConfigureAwait(false);
                throw new StepConflictException($"The writes of '{elementId}' conflicted with another step.", conflict);
            }

            await scope.Transaction.ReleaseSavepointAsync(HandlerServices.Savepoint, cancellationToken).ConfigureAwait(false);
        }

        return outputs;
    }

    private static async Task RollBackAsync(HandlerServices scope)
    {
        if (scope.Db is not null)
        {
            await scope.Transaction.RollbackToSavepointAsync(HandlerServices.Savepoint, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
