namespace OrderToCash.Engine.Diagnostics;

/// <summary>
/// One problem found in a definition (BPMN file, rule file): what, where and why, in words a process owner reads.
/// The same record feeds the CLI, the API (4xx bodies) and the designer's markers.
/// </summary>
/// <param name="File">The file or source name the problem is in.</param>
/// <param name="Element">The element: a BPMN element id, or "ruleSet/rule" for rules; null when the problem is the whole file.</param>
/// <param name="Line">1-based line, when known.</param>
/// <param name="Column">1-based column, when known.</param>
/// <param name="Code">A stable code (e.g. BPMN012, RULE003) for tooling and documentation.</param>
/// <param name="Message">The reason, as a full sentence.</param>
/// <param name="Severity">Errors block publishing; warnings (e.g. unsupported but ignorable content) do not.</param>
public sealed record Diagnostic(
    string File,
    string? Element,
    int? Line,
    int? Column,
    string Code,
    string Message,
    DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    /// <summary>The compiler-like form: <c>file(line,col): error CODE [element]: message</c>.</summary>
    public override string ToString()
    {
        var position = Line is null ? string.Empty : Column is null ? $"({Line})" : $"({Line},{Column})";
        var element = Element is null ? string.Empty : $" [{Element}]";
        return $"{File}{position}: {Severity.ToString().ToLowerInvariant()} {Code}{element}: {Message}";
    }
}

public enum DiagnosticSeverity
{
    Error,
    Warning,
}
