using System.Xml;
using System.Xml.Linq;

namespace OrderToCash.Engine.Bpmn.Parsing;

/// <summary>
/// Loads XML without DTD processing, without resolving anything external and with size limits, so a hostile file
/// (external entities, billion laughs) is refused before it costs anything.
/// </summary>
internal static class SafeXmlLoader
{
    /// <summary>The largest BPMN file accepted: far above any real process (the MIWG models are under 200 KB).</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    public const long MaxCharacters = 16 * 1024 * 1024;

    public static XDocument Load(TextReader text)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(text, settings);
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
}
