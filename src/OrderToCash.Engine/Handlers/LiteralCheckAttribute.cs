namespace OrderToCash.Engine.Handlers;

/// <summary>
/// Checks a handler input written as a literal text in the definition (a template, a URL): the validator runs it at
/// publication, so a broken template is refused with its element and input instead of failing the first instance.
/// </summary>
public interface ILiteralInputCheck
{
    /// <summary>What is wrong with <paramref name="literal"/>, or null when it is fine.</summary>
    string? Problem(string literal);
}

/// <summary>Marks a handler input (a constructor parameter of its input record) checked by <paramref name="checkType"/>, an <see cref="ILiteralInputCheck"/> with a parameterless constructor.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class LiteralCheckAttribute(Type checkType) : Attribute
{
    public Type CheckType { get; } = checkType;

    internal ILiteralInputCheck Create() => Activator.CreateInstance(CheckType) as ILiteralInputCheck
        ?? throw new InvalidOperationException($"{CheckType.FullName} is not an {nameof(ILiteralInputCheck)}.");
}
