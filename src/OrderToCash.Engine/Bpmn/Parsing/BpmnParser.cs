using System.Xml;
using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Diagnostics;

namespace OrderToCash.Engine.Bpmn.Parsing;

/// <summary>
/// Reads BPMN 2.0 XML into the immutable <see cref="BpmnDocument"/> model. Never throws on bad input: unreadable or
/// hostile XML becomes a <see cref="Diagnostic"/> with its line and column.
/// </summary>
public static class BpmnParser
{
    public static BpmnDocument ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        var length = new FileInfo(path).Length;
        if (length > SafeXmlLoader.MaxBytes)
        {
            return Failed(name, new Diagnostic(name, null, null, null, BpmnCodes.TooLarge,
                $"The file is {length:N0} bytes; BPMN files are limited to {SafeXmlLoader.MaxBytes:N0} bytes."));
        }

        using var reader = new StreamReader(path);
        return Parse(reader, name);
    }

    public static BpmnDocument Parse(string xml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var reader = new StringReader(xml);
        return Parse(reader, sourceName);
    }

    public static BpmnDocument Parse(TextReader text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        System.Xml.Linq.XDocument xml;
        try
        {
            xml = SafeXmlLoader.Load(text);
        }
        catch (XmlException ex)
        {
            var reason = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "The file declares a DTD, which is refused (no DTDs, entities or external references in BPMN files)."
                : ex.Message.Contains("MaxCharacters", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("maximum", StringComparison.OrdinalIgnoreCase)
                    ? $"The file exceeds the size limit of {SafeXmlLoader.MaxCharacters:N0} characters."
                    : $"The file is not well-formed XML: {ex.Message}";
            return Failed(sourceName, new Diagnostic(sourceName, null, ex.LineNumber > 0 ? ex.LineNumber : null, ex.LinePosition > 0 ? ex.LinePosition : null, BpmnCodes.NotWellFormed, reason));
        }

        return new BpmnDocumentReader(sourceName).Read(xml);
    }

    private static BpmnDocument Failed(string sourceName, Diagnostic diagnostic) => new(sourceName, [], [diagnostic]);
}
