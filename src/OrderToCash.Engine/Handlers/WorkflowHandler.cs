namespace OrderToCash.Engine.Handlers;

/// <summary>
/// A typed handler: <typeparamref name="TInput"/> is built from the task's inputs, <typeparamref name="TOutput"/>'s
/// public properties become its outputs. The descriptor comes from the types and <see cref="WorkflowHandlerAttribute"/>,
/// so the catalog can be built without instantiating the handler (the CLI validates that way).
/// </summary>
public abstract class WorkflowHandler<TInput, TOutput> : IWorkflowHandler
    where TInput : class
    where TOutput : class
{
    private static readonly HandlerBinder<TInput, TOutput> Binder = new();

    public HandlerDescriptor Descriptor => Binder.Describe(GetType());

    public async ValueTask<IReadOnlyDictionary<string, object?>> ExecuteAsync(HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = Binder.ReadInput(context.Inputs);
        var output = await HandleAsync(input, context, cancellationToken).ConfigureAwait(false);
        return Binder.WriteOutput(output);
    }

    protected abstract ValueTask<TOutput> HandleAsync(TInput input, HandlerContext context, CancellationToken cancellationToken);
}
