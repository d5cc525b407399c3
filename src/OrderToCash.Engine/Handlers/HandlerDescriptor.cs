namespace OrderToCash.Engine.Handlers;

/// <summary>One input or output of a handler, as the designer shows it and the validator types it.</summary>
public sealed record HandlerParameter(string Name, Type Type, bool Required, string? Description = null)
{
    /// <summary>Checks the input when the definition gives it as a literal text (<see cref="LiteralCheckAttribute"/>).</summary>
    public ILiteralInputCheck? Check { get; init; }
}

/// <summary>What a service-task handler is: its name (bound by <c>o2c:handler</c>), what it does, what it reads and writes.</summary>
public sealed record HandlerDescriptor(string Name, string Description, IReadOnlyList<HandlerParameter> Inputs, IReadOnlyList<HandlerParameter> Outputs);
