using OrderToCash.Engine.Diagnostics;

namespace OrderToCash.Tests.Diagnostics;

public sealed class DiagnosticTests
{
    [Fact]
    public void Prints_like_a_compiler_message_with_file_position_code_element_and_reason()
    {
        var diagnostic = new Diagnostic("workflows/credit.bpmn", "Gateway_1", 12, 7, "BPMN010", "The gateway has no default flow.");

        diagnostic.ToString().Should().Be("workflows/credit.bpmn(12,7): error BPMN010 [Gateway_1]: The gateway has no default flow.");
    }

    [Fact]
    public void Omits_what_is_unknown()
    {
        var diagnostic = new Diagnostic("rules/credit-limit.json", null, null, null, "RULE001", "Not valid JSON.", DiagnosticSeverity.Warning);

        diagnostic.ToString().Should().Be("rules/credit-limit.json: warning RULE001: Not valid JSON.");
    }
}
