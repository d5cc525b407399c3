using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Steps;

/// <summary>Reads nothing.</summary>
public sealed record SetVariablesInput;

/// <summary>Returns nothing: the task's output mappings are the variables it sets.</summary>
public sealed record SetVariablesOutput;

/// <summary>
/// "Set variables": a service task whose output mappings compute new variables from the current ones
/// (<c>&lt;o2c:output name="reviewBy" expression="today.AddDays(30)"/&gt;</c>), in the step, with no code.
/// </summary>
[WorkflowHandler("variables.set", "Sets process variables: each output mapping of the task is one variable, computed from the current ones.")]
public sealed class SetVariablesHandler : WorkflowHandler<SetVariablesInput, SetVariablesOutput>
{
    protected override ValueTask<SetVariablesOutput> HandleAsync(SetVariablesInput input, HandlerContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new SetVariablesOutput());
}
