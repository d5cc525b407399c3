using System.Xml;
using System.Xml.Linq;

namespace OrderToCash.Engine.Xml;

/// <summary>
/// Loads XML files from outside (BPMN models, Camunda models, camt.053 bank statements) without DTD processing, without
/// resolving anything external and with size and depth limits, so a hostile file (external entities, billion laughs,
/// deep nesting) is refused before it costs anything. Each format passes its own limits; the defaults are BPMN's.
/// </summary>
public static class SafeXmlLoader
{
    /// <summary>The largest BPMN file accepted: far above any real process (the MIWG models are under 200 KB).</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    public const long MaxCharacters = 16 * 1024 * 1024;

    /// <summary>
    /// The deepest element nesting accepted in a BPMN model: real models nest a dozen levels. A 100,000-deep document
    /// took 16.8 s to validate; it is now refused after reading its first 129 start tags.
    /// </summary>
    public const int MaxDepth = 128;

    /// <summary>Loads the document with line information; a DTD, an external reference or too many characters throw an <see cref="XmlException"/> with the position.</summary>
    public static XDocument Load(TextReader text, long maxCharacters = MaxCharacters)
    {
        using var reader = XmlReader.Create(text, Settings(maxCharacters));
        try
        {
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex) when (ex.LineNumber == 0 && reader is IXmlLineInfo { } position && position.HasLineInfo())
        {
            // The DTD refusal carries no position; the reader knows where it stopped.
            throw new XmlException(ex.Message, ex, position.LineNumber, position.LinePosition);
        }
    }

    /// <summary>
    /// Where the document first nests elements deeper than <paramref name="maxDepth"/> (line, column), or null. Streams
    /// the text without building anything; a document that is not well-formed before that depth gets null here and its
    /// error from <see cref="Load"/>.
    /// </summary>
    public static (int Line, int Column)? FindTooDeep(string xml, int maxDepth = MaxDepth, long maxCharacters = MaxCharacters)
    {
        using var text = new StringReader(xml);
        using var reader = XmlReader.Create(text, Settings(maxCharacters));
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth >= maxDepth)
                {
                    var position = (IXmlLineInfo)reader;
                    return (position.LineNumber, position.LinePosition);
                }
            }
        }
        catch (XmlException)
        {
            return null;
        }

        return null;
    }

    private static XmlReaderSettings Settings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };
}
