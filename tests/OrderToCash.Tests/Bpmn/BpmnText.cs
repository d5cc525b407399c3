using OrderToCash.Engine.Bpmn.Parsing;
using OrderToCash.Engine.Bpmn.Validation;
using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Handlers;
using OrderToCash.Tests.Execution;

namespace OrderToCash.Tests.Bpmn;

/// <summary>Builds small BPMN documents inline (line 3 is the process element) and validates them.</summary>
internal static class BpmnText
{
    public static readonly WorkflowCatalog Catalog = new(HandlerCatalog.Discover([typeof(ScoreHandler).Assembly]), ["limits"]);

    /// <summary>Wraps <paramref name="body"/> (one element per line) in an executable process; its first line is line 4.</summary>
    public static string Process(string body, string extraDefinitions = "") =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
        "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:o2c=\"https://ordertocash.dev/schema/bpmn\" id=\"d\" targetNamespace=\"t\">" + extraDefinitions + "\n" +
        "<process id=\"p\" isExecutable=\"true\">\n" +
        body + "\n" +
        "</process>\n</definitions>";

    public static IReadOnlyList<Diagnostic> Validate(string xml) =>
        BpmnValidator.Validate(BpmnParser.Parse(xml, "test.bpmn"), Catalog).Diagnostics;

    public static IReadOnlyList<Diagnostic> Errors(string xml) =>
        [.. Validate(xml).Where(d => d.Severity == DiagnosticSeverity.Error)];
}
