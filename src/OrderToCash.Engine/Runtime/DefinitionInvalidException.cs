using OrderToCash.Engine.Diagnostics;

namespace OrderToCash.Engine.Runtime;

/// <summary>A definition could not be compiled because it has errors; <see cref="Diagnostics"/> says which and where.</summary>
public sealed class DefinitionInvalidException : Exception
{
    public DefinitionInvalidException()
    {
    }

    public DefinitionInvalidException(string message)
        : base(message)
    {
    }

    public DefinitionInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DefinitionInvalidException(IReadOnlyList<Diagnostic> diagnostics)
        : base("The definition has errors:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics)) => Diagnostics = diagnostics;

    public IReadOnlyList<Diagnostic> Diagnostics { get; } = [];
}
