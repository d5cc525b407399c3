using OrderToCash.Engine.Expressions;

namespace OrderToCash.Engine.Handlers;

/// <summary>What a handler sees: the instance and element it runs for, its inputs, and the step's services.</summary>
public sealed class HandlerContext(string instanceId, string elementId, IReadOnlyDictionary<string, object?> inputs, IServiceProvider? services = null)
{
    public string InstanceId { get; } = instanceId;

    public string ElementId { get; } = elementId;

    public IReadOnlyDictionary<string, object?> Inputs { get; } = inputs;

    /// <summary>
    /// The services of the step's unit of work: a handler that writes domain data takes the step's database context from
    /// here, so its writes commit or roll back with the instance's new state.
    /// </summary>
    public IServiceProvider Services => services
        ?? throw new InvalidOperationException($"The handler for '{ElementId}' needs step services, but this executor runs without a unit of work.");

    /// <summary>
    /// The user task whose completion started this step, when one did: who had claimed it and who completed it. Null in
    /// a step started otherwise (a timer, a message, an incident's retry).
    /// </summary>
    public CompletedUserTask? CompletedTask => services?.GetService(typeof(CompletedUserTask)) as CompletedUserTask;

    /// <summary>The input <paramref name="name"/> as a <typeparamref name="T"/> (live or from a JSON snapshot).</summary>
    public T Get<T>(string name) => VariableValues.Get<T>(Inputs, name);
}
