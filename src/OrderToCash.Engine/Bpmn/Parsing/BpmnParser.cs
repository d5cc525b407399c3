using System.Xml;
using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Xml;

namespace OrderToCash.Engine.Bpmn.Parsing;

/// <summary>
/// Reads BPMN 2.0 XML into the immutable <see cref="BpmnDocument"/> model. Never throws on bad input: unreadable or
/// hostile XML becomes a <see cref="Diagnostic"/> with its line and column.
/// </summary>
public static class BpmnParser
{
    /// <summary>Parses a file; diagnostics name it by its file name, or by <paramref name="sourceName"/> when given.</summary>
    public static BpmnDocument ParseFile(string path, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = sourceName ?? Path.GetFileName(path);
        try
        {
            var length = new FileInfo(path).Length;
            if (length > SafeXmlLoader.MaxBytes)
            {
                return Failed(name, new Diagnostic(name, null, null, null, BpmnCodes.TooLarge,
                    $"The file is {length:N0} bytes; BPMN files are limited to {SafeXmlLoader.MaxBytes:N0} bytes."));
            }

            using var reader = new StreamReader(path);
            return Parse(reader, name);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(name, new Diagnostic(name, null, null, null, BpmnCodes.Unreadable, $"The file cannot be read: {ex.Message}"));
        }
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
        // Read into memory (bounded) so that a refusal without position (the DTD) can still be located.
        var builder = new System.Text.StringBuilder();
        var chunk = new char[16 * 1024];
        int read;
        while ((read = text.Read(chunk, 0, chunk.Length)) > 0)
        {
            builder.Append(chunk, 0, read);
            if (builder.Length > SafeXmlLoader.MaxCharacters)
            {
                return Failed(sourceName, new Diagnostic(sourceName, null, null, null, BpmnCodes.TooLarge, $"The file exceeds the size limit of {SafeXmlLoader.MaxCharacters:N0} characters."));
            }
        }

        var content = builder.ToString();
        if (SafeXmlLoader.FindTooDeep(content) is { } deep)
        {
            return Failed(sourceName, new Diagnostic(sourceName, null, deep.Line, deep.Column, BpmnCodes.TooLarge,
                $"The file nests XML elements more than {SafeXmlLoader.MaxDepth} levels deep; BPMN models nest a few dozen at most."));
        }

        System.Xml.Linq.XDocument xml;
        try
        {
            using var reader = new StringReader(content);
            xml = SafeXmlLoader.Load(reader);
        }
        catch (XmlException ex)
        {
            var line = ex.LineNumber > 0 ? ex.LineNumber : (int?)null;
            var column = ex.LinePosition > 0 ? ex.LinePosition : (int?)null;
            string reason;
            var doctype = content.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
            if (doctype >= 0 && ex.Message.Contains("DTD", StringComparison.Ordinal))
            {
                reason = "The file declares a DTD (<!DOCTYPE>), which is refused: BPMN files may not use DTDs, entities or external references.";
                line = content.AsSpan(0, doctype).Count('\n') + 1;
                var lineStart = doctype == 0 ? -1 : content.LastIndexOf('\n', doctype - 1);
                column = doctype - lineStart;
            }
            else
            {
                reason = $"The file is not well-formed XML: {ex.Message}";
            }

            return Failed(sourceName, new Diagnostic(sourceName, null, line, column, BpmnCodes.NotWellFormed, reason));
        }

        return new BpmnDocumentReader(sourceName).Read(xml);
    }

    private static BpmnDocument Failed(string sourceName, Diagnostic diagnostic) => new(sourceName, [], [diagnostic]);
}
