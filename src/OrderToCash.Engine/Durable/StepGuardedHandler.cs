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

    public async ValueTask<IReadOnlyDictionary<string, object?>> ExecuteAsync(HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Services is not StepServiceProvider step)
        {
            return await inner.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
        }

        await using var scope = step.ForHandler();
        IReadOnlyDictionary<string, object?> outputs;
        try
        {
            outputs = await inner.ExecuteAsync(new HandlerContext(context.InstanceId, context.ElementId, context.Inputs, scope), cancellationToken).ConfigureAwait(false);
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
                throw new StepConflictException($"The writes of '{context.ElementId}' conflicted with another step.", conflict);
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
