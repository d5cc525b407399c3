using OrderToCash.Engine.Expressions;

namespace OrderToCash.Engine.Handlers;

/// <summary>What a handler sees: the instance and element it runs for, and its inputs.</summary>
public sealed class HandlerContext(string instanceId, string elementId, IReadOnlyDictionary<string, object?> inputs)
{
    public string InstanceId { get; } = instanceId;

    public string ElementId { get; } = elementId;

    public IReadOnlyDictionary<string, object?> Inputs { get; } = inputs;

    /// <summary>The input <paramref name="name"/> as a <typeparamref name="T"/> (live or from a JSON snapshot).</summary>
    public T Get<T>(string name) => VariableValues.Get<T>(Inputs, name);
}
