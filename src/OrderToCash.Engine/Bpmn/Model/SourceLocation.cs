namespace OrderToCash.Engine.Bpmn.Model;

/// <summary>Where an element starts in its file (1-based), so every diagnostic can point at it.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    public static SourceLocation Unknown => default;

    public bool IsKnown => Line > 0;
}
