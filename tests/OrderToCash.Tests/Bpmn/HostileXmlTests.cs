using OrderToCash.Engine.Bpmn;
using OrderToCash.Engine.Bpmn.Parsing;

namespace OrderToCash.Tests.Bpmn;

public sealed class HostileXmlTests
{
    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&xxe;</definitions>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&lol3;</definitions>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE definitions SYSTEM "http://example.invalid/bpmn.dtd"><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"/>""")]
    public void A_document_with_a_dtd_is_refused_with_a_clear_diagnostic(string xml)
    {
        var document = BpmnParser.Parse(xml, "hostile.bpmn");

        document.Processes.Should().BeEmpty();
        var diagnostic = document.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(BpmnCodes.NotWellFormed);
        diagnostic.File.Should().Be("hostile.bpmn");
        diagnostic.Message.Should().Contain("DTD").And.Contain("refused");
        diagnostic.Line.Should().Be(1);
    }

    [Fact]
    public void Malformed_xml_is_reported_with_its_position()
    {
        var document = BpmnParser.Parse("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"p\">\n</definitions>", "broken.bpmn");

        var diagnostic = document.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(BpmnCodes.NotWellFormed);
        diagnostic.Line.Should().Be(3);
        diagnostic.Message.Should().StartWith("The file is not well-formed XML");
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic_not_an_exception()
    {
        var document = BpmnParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "no-such-file.bpmn"));

        document.Diagnostics.Should().ContainSingle(d => d.Code == BpmnCodes.Unreadable && d.File == "no-such-file.bpmn");
    }

    [Fact]
    public void A_file_that_is_not_bpmn_is_reported()
    {
        var document = BpmnParser.Parse("<html/>", "page.bpmn");

        document.Diagnostics.Should().ContainSingle(d => d.Code == BpmnCodes.NotBpmn);
    }
}

public sealed class DeepXmlTests
{
    [Fact]
    public void A_document_nested_100000_levels_deep_is_refused_at_the_depth_limit()
    {
        var xml = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n"
            + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</definitions>";

        var document = BpmnParser.Parse(xml, "deep.bpmn");

        var diagnostic = document.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(BpmnCodes.TooLarge);
        diagnostic.Message.Should().Be("The file nests XML elements more than 128 levels deep; BPMN models nest a few dozen at most.");
        diagnostic.Line.Should().Be(2);
        diagnostic.Column.Should().Be((3 * 127) + 2, "the 129th element (depth 128) starts there");
        document.Processes.Should().BeEmpty();
    }

    [Fact]
    public void A_document_nested_128_levels_deep_is_read()
    {
        var xml = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">"
            + string.Concat(Enumerable.Repeat("<documentation>", 127)) + string.Concat(Enumerable.Repeat("</documentation>", 127)) + "</definitions>";

        BpmnParser.Parse(xml, "deep.bpmn").Diagnostics.Should().NotContain(d => d.Code == BpmnCodes.TooLarge);
    }
}
