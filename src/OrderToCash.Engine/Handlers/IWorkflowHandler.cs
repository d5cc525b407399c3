namespace OrderToCash.Engine.Handlers;

/// <summary>
/// The behaviour behind a service task. Runs synchronously inside the step that reaches the task; returns its
/// outputs, throws <see cref="BpmnErrorException"/> for a modelled business error. Prefer deriving from
/// <see cref="WorkflowHandler{TInput, TOutput}"/>, which types inputs and outputs and describes itself.
/// </summary>
public interface IWorkflowHandler
{
    HandlerDescriptor Descriptor { get; }

    ValueTask<IReadOnlyDictionary<string, object?>> ExecuteAsync(HandlerContext context, CancellationToken cancellationToken);
}
