using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace OrderToCash.Core.Documents;

/// <summary>
/// Makes a PDFsharp document a Factur-X PDF/A-3b: the XML embedded as <c>factur-x.xml</c> (EmbeddedFile of subtype
/// text/xml, a file specification with AFRelationship Alternative, listed in the catalog's EmbeddedFiles and AF), the
/// sRGB output intent (PDFsharp's own ICC profile), and the XMP metadata declaring PDF/A-3 B and the Factur-X extension
/// schema (document type, file name, version, conformance level EN 16931). PDFsharp's own PDF/A switch writes PDF/A-1,
/// which forbids embedded files, so the catalog entries are written here with its low-level objects.
/// </summary>
internal static class FacturXPdf
{
    public const string Producer = "OrderToCash (PDFsharp)";

    public static void Embed(PdfDocument document, byte[] xml, string title, string author, DateOnly issued)
    {
        var date = issued.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        document.Info.Title = title;
        document.Info.Author = author;
        document.Info.Creator = Producer;
        document.Info.CreationDate = date;
        document.Info.ModificationDate = date;
        var catalog = document.Internals.Catalog;

        var file = new PdfDictionary(document);
        document.Internals.AddObject(file);
        file.Elements.SetName("/Type", "/EmbeddedFile");
        file.Elements.SetName("/Subtype", "/text#2Fxml");
        var parameters = new PdfDictionary(document);
        parameters.Elements.SetInteger("/Size", xml.Length);
        parameters.Elements.SetValue("/ModDate", new PdfDate(date));
        file.Elements.SetValue("/Params", parameters);
        file.CreateStream(xml);

        var references = new PdfDictionary(document);
        references.Elements.SetReference("/F", file);
        references.Elements.SetReference("/UF", file);
        var specification = new PdfDictionary(document);
        document.Internals.AddObject(specification);
        specification.Elements.SetName("/Type", "/Filespec");
        specification.Elements.SetString("/F", FacturXXml.FileName);
        specification.Elements.SetString("/UF", FacturXXml.FileName);
        specification.Elements.SetString("/Desc", "Factur-X (EN 16931)");
        specification.Elements.SetName("/AFRelationship", "/Alternative");
        specification.Elements.SetValue("/EF", references);

        var embedded = new PdfArray(document);
        embedded.Elements.Add(new PdfString(FacturXXml.FileName));
        embedded.Elements.Add(specification.Reference!);
        var tree = new PdfDictionary(document);
        tree.Elements.SetValue("/Names", embedded);
        var names = new PdfDictionary(document);
        names.Elements.SetValue("/EmbeddedFiles", tree);
        catalog.Elements.SetValue("/Names", names);
        var associated = new PdfArray(document);
        associated.Elements.Add(specification.Reference!);
        catalog.Elements.SetValue("/AF", associated);

        catalog.Elements.SetValue("/OutputIntents", OutputIntents(document));
    }

    /// <summary>
    /// PDFsharp writes its own XMP (PDF/A-1 flavoured, without the Factur-X schema) whenever it saves, so the Factur-X
    /// XMP is added afterwards as an incremental update (allowed by PDF/A): a new metadata stream, the catalog pointing
    /// to it, and an xref section chained to PDFsharp's. Its dates and producer are read from the Info dictionary
    /// PDFsharp wrote, so XMP and Info agree as PDF/A requires.
    /// </summary>
    public static byte[] WithFacturXmp(byte[] pdf, string title, string author)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var trailer = text[trailerAt..];
        var root = int.Parse(Regex.Match(trailer, @"/Root (\d+) 0 R").Groups[1].Value, CultureInfo.InvariantCulture);
        var info = int.Parse(Regex.Match(trailer, @"/Info (\d+) 0 R").Groups[1].Value, CultureInfo.InvariantCulture);
        var size = int.Parse(Regex.Match(trailer, @"/Size (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var id = Regex.Match(trailer, @"/ID\s*(\[[^\]]*\])").Groups[1].Value;
        var previous = Regex.Match(text[text.LastIndexOf("startxref", StringComparison.Ordinal)..], @"startxref\s+(\d+)").Groups[1].Value;
        var catalog = ObjectBody(text, root);
        var infoBody = ObjectBody(text, info);
        var created = XmpDate(Regex.Match(infoBody, @"/CreationDate\s*\((D:[^)]*)\)").Groups[1].Value);
        var modified = XmpDate(Regex.Match(infoBody, @"/ModDate\s*\((D:[^)]*)\)").Groups[1].Value);
        var producer = Regex.Match(infoBody, @"/Producer\s*\(((?:\\.|[^\\)])*)\)").Groups[1].Value.Replace("\\(", "(").Replace("\\)", ")").Replace("\\\\", "\\");
        var metadata = size;
        var newCatalog = Regex.IsMatch(catalog, @"/Metadata \d+ 0 R")
            ? Regex.Replace(catalog, @"/Metadata \d+ 0 R", $"/Metadata {metadata} 0 R")
            : catalog.Insert(catalog.IndexOf("<<", StringComparison.Ordinal) + 2, $"/Metadata {metadata} 0 R");
        var xmp = Encoding.UTF8.GetBytes(Xmp(title, author, created, modified, producer));

        using var output = new MemoryStream();
        output.Write(pdf);
        void Write(string s) => output.Write(Encoding.Latin1.GetBytes(s));
        Write("\n");
        var metadataAt = output.Position;
        Write(string.Create(CultureInfo.InvariantCulture, $"{metadata} 0 obj\n<</Type/Metadata/Subtype/XML/Length {xmp.Length}>>\nstream\n"));
        output.Write(xmp);
        Write("\nendstream\nendobj\n");
        var catalogAt = output.Position;
        Write(string.Create(CultureInfo.InvariantCulture, $"{root} 0 obj\n{newCatalog}\nendobj\n"));
        var xrefAt = output.Position;
        Write(string.Create(CultureInfo.InvariantCulture,
            $"xref\n0 1\n0000000000 65535 f \n{root} 1\n{catalogAt:D10} 00000 n \n{metadata} 1\n{metadataAt:D10} 00000 n \n"
            + $"trailer\n<</ID{id}/Info {info} 0 R/Root {root} 0 R/Size {metadata + 1}/Prev {previous}>>\nstartxref\n{xrefAt}\n%%EOF\n"));
        return output.ToArray();
    }

    private static string ObjectBody(string text, int number)
    {
        var header = Regex.Match(text, $@"(?:^|\n){number} 0 obj\s*");
        var end = text.IndexOf("endobj", header.Index + header.Length, StringComparison.Ordinal);
        return text[(header.Index + header.Length)..end].TrimEnd();
    }

    /// <summary>D:20260105000000Z or D:20260105000000+01'00' → 2026-01-05T00:00:00Z / 2026-01-05T00:00:00+01:00.</summary>
    private static string XmpDate(string pdfDate)
    {
        var m = Regex.Match(pdfDate, @"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'\d{2}'?)?");
        if (!m.Success)
        {
            return "1970-01-01T00:00:00Z";
        }

        var offset = m.Groups[7].Value;
        var zone = offset is "" or "Z" ? "Z" : string.Concat(offset.AsSpan(0, 3), ":", offset.AsSpan(4, 2));
        return $"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}T{m.Groups[4].Value}:{m.Groups[5].Value}:{m.Groups[6].Value}{zone}";
    }

    private static PdfArray OutputIntents(PdfDocument document)
    {
        using var icc = typeof(PdfDocument).Assembly.GetManifestResourceStream("PdfSharp.Resources.sRGB2014.icc")
            ?? throw new InvalidOperationException("PDFsharp's sRGB ICC profile was not found in its assembly.");
        using var bytes = new MemoryStream();
        icc.CopyTo(bytes);
        var profile = new PdfDictionary(document);
        document.Internals.AddObject(profile);
        profile.Elements.SetInteger("/N", 3);
        profile.CreateStream(bytes.ToArray());
        var intent = new PdfDictionary(document);
        intent.Elements.SetName("/Type", "/OutputIntent");
        intent.Elements.SetName("/S", "/GTS_PDFA1");
        intent.Elements.SetString("/OutputConditionIdentifier", "sRGB IEC61966-2.1");
        intent.Elements.SetString("/Info", "sRGB IEC61966-2.1");
        intent.Elements.SetReference("/DestOutputProfile", profile);
        var intents = new PdfArray(document);
        intents.Elements.Add(intent);
        return intents;
    }

    private static string Xmp(string title, string author, string created, string modified, string producer)
    {
        // Factur-X 1.0: the fx schema must be described in the XMP (PDF/A extension schema) before it is used.
        string Property(string name, string description) =>
            $"<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>{name}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>{description}</pdfaProperty:description></rdf:li>";
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
            + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
            + "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"><pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n"
            + $"<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:format>application/pdf</dc:format><dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{SecurityElement.Escape(title)}</rdf:li></rdf:Alt></dc:title><dc:creator><rdf:Seq><rdf:li>{SecurityElement.Escape(author)}</rdf:li></rdf:Seq></dc:creator></rdf:Description>\n"
            + $"<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"><xmp:CreatorTool>{Producer}</xmp:CreatorTool><xmp:CreateDate>{created}</xmp:CreateDate><xmp:ModifyDate>{modified}</xmp:ModifyDate></rdf:Description>\n"
            + $"<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"><pdf:Producer>{SecurityElement.Escape(producer)}</pdf:Producer></rdf:Description>\n"
            + "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">"
            + "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\"><pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>"
            + "<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI><pdfaSchema:prefix>fx</pdfaSchema:prefix><pdfaSchema:property><rdf:Seq>"
            + Property("DocumentFileName", "Name of the embedded XML invoice file")
            + Property("DocumentType", "INVOICE")
            + Property("Version", "Version of the Factur-X XML schema")
            + Property("ConformanceLevel", "Conformance level of the embedded XML")
            + "</rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>\n"
            + "<rdf:Description rdf:about=\"\" xmlns:fx=\"urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#\">"
            // A credit note is also of document type INVOICE in Factur-X (its CII TypeCode says 381).
            + $"<fx:DocumentType>INVOICE</fx:DocumentType><fx:DocumentFileName>{FacturXXml.FileName}</fx:DocumentFileName><fx:Version>1.0</fx:Version><fx:ConformanceLevel>EN 16931</fx:ConformanceLevel></rdf:Description>\n"
            + "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }
}
