using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using OrderToCash.IntegrationTests.Cycle;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace OrderToCash.IntegrationTests.Documents;

/// <summary>
/// The invoice document end to end: an order with lines at two VAT rates is delivered, the cycle issues the invoice,
/// and its PDF's embedded factur-x.xml is checked against the UN/CEFACT CII D16B schema (Schemas/CII-D16B) and the
/// ledger, to the cent.
/// </summary>
public sealed class FacturXDocumentTests : IAsyncLifetime, IDisposable
{
    private static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static readonly Lazy<XmlSchemaSet> Schema = new(LoadSchema);
    private readonly CycleScenario cycle = new();

    public Task InitializeAsync() => cycle.InitializeAsync();

    public Task DisposeAsync() => cycle.DisposeAsync();

    public void Dispose() => cycle.Dispose();

    [Fact]
    public async Task The_pdf_of_an_issued_invoice_embeds_a_factur_x_xml_that_validates_against_the_cii_schema_and_equals_the_ledger_to_the_cent()
    {
        var number = await InvoicedTwoRateOrderAsync("C-0001");

        var (pdf, contentType) = await DocumentAsync("claire", number);

        contentType.Should().Be("application/pdf");
        Encoding.ASCII.GetString(pdf, 0, 5).Should().Be("%PDF-");
        var document = Read(pdf);
        var xml = EmbeddedFacturX(document);
        Validate(xml).Should().BeEmpty("the XML follows the CII D16B schema");
        var ledger = (await cycle.InvoiceAsync(number)).GetProperty("mentions");
        var settlement = XDocument.Parse(Encoding.UTF8.GetString(xml)).Descendants(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation").Single();
        Amount(settlement, "GrandTotalAmount").Should().Be(ledger.GetProperty("grossAmount").GetDecimal());
        Amount(settlement, "TaxBasisTotalAmount").Should().Be(ledger.GetProperty("netAmount").GetDecimal());
        Amount(settlement, "TaxTotalAmount").Should().Be(ledger.GetProperty("vatAmount").GetDecimal());
        Amount(settlement, "DuePayableAmount").Should().Be(ledger.GetProperty("grossAmount").GetDecimal());
        var parsed = XDocument.Parse(Encoding.UTF8.GetString(xml));
        parsed.Root!.Element(Rsm + "ExchangedDocument")!.Element(Ram + "ID")!.Value.Should().Be(number);
        parsed.Root.Element(Rsm + "ExchangedDocument")!.Element(Ram + "TypeCode")!.Value.Should().Be("380");
        parsed.Root.Element(Rsm + "ExchangedDocumentContext")!.Descendants(Ram + "ID").Single().Value.Should().Be("urn:cen.eu:en16931:2017");
        var breakdown = parsed.Descendants(Ram + "ApplicableHeaderTradeSettlement").Single().Elements(Ram + "ApplicableTradeTax").ToList();
        breakdown.Select(t => t.Element(Ram + "RateApplicablePercent")!.Value).Should().Equal("5.5", "20");
        breakdown.Sum(t => Amount(t, "CalculatedAmount")).Should().Be(ledger.GetProperty("vatAmount").GetDecimal());
        breakdown.Sum(t => Amount(t, "BasisAmount")).Should().Be(ledger.GetProperty("netAmount").GetDecimal());
        // 3 × 12.35 = 37.05 → 7.41 VAT; 10 × 4.99 = 49.90 → 2.74 VAT (5.5 %, 2.7445 rounded to the cent).
        breakdown[0].Element(Ram + "CalculatedAmount")!.Value.Should().Be("2.74");
        breakdown[1].Element(Ram + "CalculatedAmount")!.Value.Should().Be("7.41");
        var sellerIds = parsed.Descendants(Ram + "SellerTradeParty").Single();
        sellerIds.Element(Ram + "SpecifiedLegalOrganization")!.Element(Ram + "ID")!.Value.Should().Be("123456782");
        sellerIds.Element(Ram + "SpecifiedTaxRegistration")!.Element(Ram + "ID")!.Value.Should().Be("FR11123456782");
        parsed.Descendants(Ram + "BuyerTradeParty").Single().Element(Ram + "SpecifiedLegalOrganization")!.Element(Ram + "ID")!.Value.Should().Be("261973069");
        parsed.Descendants(Ram + "DueDateDateTime").Single().Value.Should().Be("20260306");
        parsed.Descendants(Ram + "IncludedNote").Select(n => n.Element(Ram + "SubjectCode")!.Value).Should().Contain(["PMD", "PMT", "AAB"], "penalties, the €40 indemnity and the discount mention");
    }

    [Fact]
    public async Task The_pdf_is_a_pdf_a_3_whose_factur_x_file_is_associated_as_the_alternative_of_the_document()
    {
        var number = await InvoicedTwoRateOrderAsync("C-0001");

        var (pdf, _) = await DocumentAsync("claire", number);

        var catalog = Read(pdf).Internals.Catalog;
        var metadata = Encoding.UTF8.GetString(catalog.Elements.GetDictionary("/Metadata")!.Stream.Value);
        metadata.Should().Contain("<pdfaid:part>3</pdfaid:part>").And.Contain("<pdfaid:conformance>B</pdfaid:conformance>")
            .And.Contain("<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>").And.Contain("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>");
        var associated = catalog.Elements.GetArray("/AF")!.Elements.GetDictionary(0)!;
        associated.Elements.GetName("/AFRelationship").Should().Be("/Alternative");
        associated.Elements.GetString("/F").Should().Be("factur-x.xml");
        associated.Elements.GetDictionary("/EF")!.Elements.GetDictionary("/F")!.Elements.GetName("/Subtype").Should().Be("/text#2Fxml");
        catalog.Elements.GetArray("/OutputIntents")!.Elements.GetDictionary(0)!.Elements.GetName("/S").Should().Be("/GTS_PDFA1");
    }

    [Fact]
    public async Task The_same_invoice_always_gives_the_same_xml()
    {
        var number = await InvoicedTwoRateOrderAsync("C-0001");

        var first = EmbeddedFacturX(Read((await DocumentAsync("claire", number)).Pdf));
        cycle.AdvanceTo(cycle.Today.AddDays(3));
        var again = EmbeddedFacturX(Read((await DocumentAsync("cora", number)).Pdf));

        again.Should().Equal(first);
    }

    [Fact]
    public async Task A_credit_note_has_its_own_document_typed_381_that_refers_to_the_invoice_and_carries_its_amount()
    {
        var number = await InvoicedTwoRateOrderAsync("C-0001");
        using var admin = cycle.Client("sabine");
        var note = await CycleScenario.BodyAsync(
            await admin.PostAsJsonAsync(new Uri($"/api/invoices/{number}/credit-notes", UriKind.Relative), new { amount = 10.01m, reason = "Sac abîmé" }),
            HttpStatusCode.Created);
        var noteNumber = note.GetProperty("number").GetString()!;

        var xml = EmbeddedFacturX(Read((await DocumentAsync("claire", noteNumber)).Pdf));

        Validate(xml).Should().BeEmpty();
        var parsed = XDocument.Parse(Encoding.UTF8.GetString(xml));
        parsed.Root!.Element(Rsm + "ExchangedDocument")!.Element(Ram + "TypeCode")!.Value.Should().Be("381");
        parsed.Descendants(Ram + "InvoiceReferencedDocument").Single().Element(Ram + "IssuerAssignedID")!.Value.Should().Be(number);
        var totals = parsed.Descendants(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation").Single();
        Amount(totals, "GrandTotalAmount").Should().Be(10.01m);
        (Amount(totals, "TaxBasisTotalAmount") + Amount(totals, "TaxTotalAmount")).Should().Be(10.01m);
    }

    [Fact]
    public async Task A_customer_downloads_its_own_invoice_and_gets_404_for_another_customers()
    {
        var own = await InvoicedTwoRateOrderAsync("C-0001");
        var other = await InvoicedTwoRateOrderAsync("C-0002");
        using var carl = cycle.Client("carl");

        (await carl.GetAsync(new Uri($"/api/invoices/{own}/document", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        var foreign = await carl.GetAsync(new Uri($"/api/invoices/{other}/document", UriKind.Relative));

        foreign.StatusCode.Should().Be(HttpStatusCode.NotFound);
        foreign.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await cycle.Client("sam").GetAsync(new Uri($"/api/invoices/{own}/document", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound, "sam is not C-0001's salesperson");
    }

    private async Task<string> InvoicedTwoRateOrderAsync(string customerId)
    {
        var order = await cycle.Orders.PlaceAsync("salesperson", new
        {
            customerId,
            lines = new object[]
            {
                new { description = "Farine de blé T65, sac de 25 kg", quantity = 3m, unitPrice = 12.35m, vatRate = 20m },
                new { description = "Levure sèche, sachet de 500 g", quantity = 10m, unitPrice = 4.99m, vatRate = 5.5m },
            },
        });
        var orderNumber = order.GetProperty("number").GetString()!;
        (await cycle.DeliverAsync(orderNumber)).StatusCode.Should().Be(HttpStatusCode.OK);
        var invoices = await cycle.GetAsync("claire", $"/api/invoices?customer={customerId}");
        return invoices.EnumerateArray().Single(i => i.GetProperty("orderNumber").GetString() == orderNumber).GetProperty("number").GetString()!;
    }

    private async Task<(byte[] Pdf, string? ContentType)> DocumentAsync(string userName, string number)
    {
        using var client = cycle.Client(userName);
        var response = await client.GetAsync(new Uri($"/api/invoices/{number}/document", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    private static PdfDocument Read(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        return PdfReader.Open(stream, PdfDocumentOpenMode.Import);
    }

    /// <summary>The bytes of the file the catalog's EmbeddedFiles name tree lists as factur-x.xml.</summary>
    internal static byte[] EmbeddedFacturX(PdfDocument document)
    {
        var names = document.Internals.Catalog.Elements.GetDictionary("/Names")!.Elements.GetDictionary("/EmbeddedFiles")!.Elements.GetArray("/Names")!;
        for (var i = 0; i < names.Elements.Count; i += 2)
        {
            if (names.Elements.GetString(i) == "factur-x.xml")
            {
                var file = names.Elements.GetDictionary(i + 1)!.Elements.GetDictionary("/EF")!.Elements.GetDictionary("/F")!;
                return file.Stream.UnfilteredValue;
            }
        }

        throw new InvalidOperationException("No factur-x.xml in the PDF.");
    }

    internal static List<string> Validate(byte[] xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    private static XmlSchemaSet LoadSchema()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Documents", "Schemas", "CII-D16B");
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, Path.Combine(folder, "CrossIndustryInvoice_100pD16B.xsd"));
        set.Compile();
        return set;
    }

    private static decimal Amount(XElement parent, string name) =>
        decimal.Parse(parent.Element(Ram + name)!.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
