using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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
    private const string Savepoint = "o2c_handler";

    public HandlerDescriptor Descriptor => inner.Descriptor;

    public async ValueTask<IReadOnlyDictionary<string, object?>> ExecuteAsync(HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Services is not StepServiceProvider { Db.Database.CurrentTransaction: { } transaction } step)
        {
            return await inner.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
        }

        var scope = step.ForHandler();
        await using var handlerDb = scope.Db;
        await transaction.CreateSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            var outputs = await inner.ExecuteAsync(new HandlerContext(context.InstanceId, context.ElementId, context.Inputs, scope), cancellationToken).ConfigureAwait(false);
            try
            {
                await handlerDb.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException conflict)
            {
                // Another host changed or created the same rows: a race to replay, not the handler's failure.
                await RollBackAsync(transaction).ConfigureAwait(false);
                throw new StepConflictException($"The writes of '{context.ElementId}' conflicted with another step.", conflict);
            }

            await transaction.ReleaseSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            return outputs;
        }
        catch (StepConflictException)
        {
            throw;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await RollBackAsync(transaction).ConfigureAwait(false);
            throw;
        }
    }

    private static Task RollBackAsync(IDbContextTransaction transaction) => transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
}
