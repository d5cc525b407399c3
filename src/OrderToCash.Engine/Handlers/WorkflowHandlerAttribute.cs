namespace OrderToCash.Engine.Handlers;

/// <summary>Names a <see cref="WorkflowHandler{TInput, TOutput}"/> for <c>o2c:handler</c> and describes it for the designer.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WorkflowHandlerAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;
}
