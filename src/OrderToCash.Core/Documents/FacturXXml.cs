using System.Globalization;
using System.Text;
using System.Xml;

namespace OrderToCash.Core.Documents;

/// <summary>
/// Writes the Factur-X XML of an invoice or credit note: UN/CEFACT Cross Industry Invoice (D16B), profile EN 16931
/// (guideline <c>urn:cen.eu:en16931:2017</c>). Pure function of the model: no clock, no culture, fixed element order
/// and number formats, so the same invoice always gives the same bytes.
/// </summary>
public static class FacturXXml
{
    /// <summary>The guideline identifier of the EN 16931 profile (BT-24).</summary>
    public const string ProfileId = "urn:cen.eu:en16931:2017";

    /// <summary>The name the XML has inside the PDF (Factur-X 1.0).</summary>
    public const string FileName = "factur-x.xml";

    public const string Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    public const string Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    public const string Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    public const string Qdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

    public static byte[] Write(InvoiceDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rsm", "CrossIndustryInvoice", Rsm);
            xml.WriteAttributeString("xmlns", "qdt", null, Qdt);
            xml.WriteAttributeString("xmlns", "ram", null, Ram);
            xml.WriteAttributeString("xmlns", "udt", null, Udt);

            xml.WriteStartElement("rsm", "ExchangedDocumentContext", Rsm);
            xml.WriteStartElement("ram", "GuidelineSpecifiedDocumentContextParameter", Ram);
            Element(xml, "ID", ProfileId);
            xml.WriteEndElement();
            xml.WriteEndElement();

            WriteHeader(xml, model);

            xml.WriteStartElement("rsm", "SupplyChainTradeTransaction", Rsm);
            foreach (var line in model.Lines)
            {
                WriteLine(xml, line);
            }

            WriteAgreement(xml, model);
            WriteDelivery(xml, model);
            WriteSettlement(xml, model);
            xml.WriteEndElement();

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void WriteHeader(XmlWriter xml, InvoiceDocumentModel model)
    {
        xml.WriteStartElement("rsm", "ExchangedDocument", Rsm);
        Element(xml, "ID", model.Number);
        Element(xml, "TypeCode", model.Kind switch { DocumentKind.CreditNote => "381", DocumentKind.CorrectedInvoice => "384", _ => "380" });
        xml.WriteStartElement("ram", "IssueDateTime", Ram);
        Date(xml, model.IssueDate);
        xml.WriteEndElement();
        if (model.Note is { } note)
        {
            Note(xml, note, "AAI");
        }

        // The French mandatory mentions as notes (subject codes of the French Factur-X guide): penalties, indemnity, discount.
        Note(xml, model.PenaltyClause, "PMD");
        Note(xml, string.Create(CultureInfo.InvariantCulture, $"Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : {Amount(model.RecoveryIndemnity)} {model.Currency} (art. L441-10 et D441-5 du Code de commerce)."), "PMT");
        Note(xml, "Pas d'escompte pour paiement anticipé.", "AAB");
        xml.WriteEndElement();
    }

    private static void WriteLine(XmlWriter xml, DocumentLine line)
    {
        xml.WriteStartElement("ram", "IncludedSupplyChainTradeLineItem", Ram);
        xml.WriteStartElement("ram", "AssociatedDocumentLineDocument", Ram);
        Element(xml, "LineID", line.LineNumber.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteStartElement("ram", "SpecifiedTradeProduct", Ram);
        Element(xml, "Name", line.Description);
        xml.WriteEndElement();
        xml.WriteStartElement("ram", "SpecifiedLineTradeAgreement", Ram);
        xml.WriteStartElement("ram", "NetPriceProductTradePrice", Ram);
        Element(xml, "ChargeAmount", Number(line.UnitPrice));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("ram", "SpecifiedLineTradeDelivery", Ram);
        xml.WriteStartElement("ram", "BilledQuantity", Ram);
        xml.WriteAttributeString("unitCode", "C62");
        xml.WriteString(Number(line.Quantity));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("ram", "SpecifiedLineTradeSettlement", Ram);
        xml.WriteStartElement("ram", "ApplicableTradeTax", Ram);
        Element(xml, "TypeCode", "VAT");
        Element(xml, "CategoryCode", new VatBreakdown(line.VatRate, 0m, 0m).CategoryCode);
        Element(xml, "RateApplicablePercent", Number(line.VatRate));
        xml.WriteEndElement();
        xml.WriteStartElement("ram", "SpecifiedTradeSettlementLineMonetarySummation", Ram);
        Element(xml, "LineTotalAmount", Amount(line.NetAmount));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteAgreement(XmlWriter xml, InvoiceDocumentModel model)
    {
        xml.WriteStartElement("ram", "ApplicableHeaderTradeAgreement", Ram);
        Party(xml, "SellerTradeParty", model.Seller);
        Party(xml, "BuyerTradeParty", model.Buyer);
        if (model.OrderNumber is { } order)
        {
            xml.WriteStartElement("ram", "BuyerOrderReferencedDocument", Ram);
            Element(xml, "IssuerAssignedID", order);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteDelivery(XmlWriter xml, InvoiceDocumentModel model)
    {
        xml.WriteStartElement("ram", "ApplicableHeaderTradeDelivery", Ram);
        if (model.DeliveryDate is { } delivered)
        {
            xml.WriteStartElement("ram", "ActualDeliverySupplyChainEvent", Ram);
            xml.WriteStartElement("ram", "OccurrenceDateTime", Ram);
            Date(xml, delivered);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteSettlement(XmlWriter xml, InvoiceDocumentModel model)
    {
        xml.WriteStartElement("ram", "ApplicableHeaderTradeSettlement", Ram);
        Element(xml, "PaymentReference", model.Kind == DocumentKind.CreditNote ? model.PrecedingInvoiceNumber ?? model.Number : model.Number);
        Element(xml, "InvoiceCurrencyCode", model.Currency);
        if (model.SellerIban is { } iban)
        {
            xml.WriteStartElement("ram", "SpecifiedTradeSettlementPaymentMeans", Ram);
            Element(xml, "TypeCode", "58");
            xml.WriteStartElement("ram", "PayeePartyCreditorFinancialAccount", Ram);
            Element(xml, "IBANID", iban);
            xml.WriteEndElement();
            if (model.SellerBic is { } bic)
            {
                xml.WriteStartElement("ram", "PayeeSpecifiedCreditorFinancialInstitution", Ram);
                Element(xml, "BICID", bic);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        foreach (var vat in model.Vat)
        {
            xml.WriteStartElement("ram", "ApplicableTradeTax", Ram);
            Element(xml, "CalculatedAmount", Amount(vat.Amount));
            Element(xml, "TypeCode", "VAT");
            Element(xml, "BasisAmount", Amount(vat.Basis));
            Element(xml, "CategoryCode", vat.CategoryCode);
            // Goods: VAT is due on delivery (UNCL 2005 code 5, date of the chargeable event).
            Element(xml, "DueDateTypeCode", "5");
            Element(xml, "RateApplicablePercent", Number(vat.Rate));
            xml.WriteEndElement();
        }

        xml.WriteStartElement("ram", "SpecifiedTradePaymentTerms", Ram);
        Element(xml, "Description", model.PaymentTermsText);
        if (model.DueDate is { } due)
        {
            xml.WriteStartElement("ram", "DueDateDateTime", Ram);
            Date(xml, due);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();

        xml.WriteStartElement("ram", "SpecifiedTradeSettlementHeaderMonetarySummation", Ram);
        Element(xml, "LineTotalAmount", Amount(model.Lines.Sum(l => l.NetAmount)));
        Element(xml, "TaxBasisTotalAmount", Amount(model.NetTotal));
        xml.WriteStartElement("ram", "TaxTotalAmount", Ram);
        xml.WriteAttributeString("currencyID", model.Currency);
        xml.WriteString(Amount(model.VatTotal));
        xml.WriteEndElement();
        Element(xml, "GrandTotalAmount", Amount(model.GrossTotal));
        Element(xml, "DuePayableAmount", Amount(model.GrossTotal));
        xml.WriteEndElement();

        if (model.PrecedingInvoiceNumber is { } preceding)
        {
            xml.WriteStartElement("ram", "InvoiceReferencedDocument", Ram);
            Element(xml, "IssuerAssignedID", preceding);
            if (model.PrecedingInvoiceDate is { } precedingDate)
            {
                xml.WriteStartElement("ram", "FormattedIssueDateTime", Ram);
                xml.WriteStartElement("qdt", "DateTimeString", Qdt);
                xml.WriteAttributeString("format", "102");
                xml.WriteString(precedingDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Party(XmlWriter xml, string element, DocumentParty party)
    {
        xml.WriteStartElement("ram", element, Ram);
        Element(xml, "Name", party.Name);
        xml.WriteStartElement("ram", "SpecifiedLegalOrganization", Ram);
        xml.WriteStartElement("ram", "ID", Ram);
        // ISO 6523 ICD 0002: the French SIRENE register.
        xml.WriteAttributeString("schemeID", "0002");
        xml.WriteString(party.Siren);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("ram", "PostalTradeAddress", Ram);
        Element(xml, "PostcodeCode", party.Address.PostalCode);
        Element(xml, "LineOne", party.Address.Line1);
        if (!string.IsNullOrWhiteSpace(party.Address.Line2))
        {
            Element(xml, "LineTwo", party.Address.Line2);
        }

        Element(xml, "CityName", party.Address.City);
        Element(xml, "CountryID", party.Address.CountryCode);
        xml.WriteEndElement();
        xml.WriteStartElement("ram", "SpecifiedTaxRegistration", Ram);
        xml.WriteStartElement("ram", "ID", Ram);
        xml.WriteAttributeString("schemeID", "VA");
        xml.WriteString(party.VatNumber);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Note(XmlWriter xml, string content, string subjectCode)
    {
        xml.WriteStartElement("ram", "IncludedNote", Ram);
        Element(xml, "Content", content);
        Element(xml, "SubjectCode", subjectCode);
        xml.WriteEndElement();
    }

    private static void Date(XmlWriter xml, DateOnly date)
    {
        xml.WriteStartElement("udt", "DateTimeString", Udt);
        xml.WriteAttributeString("format", "102");
        xml.WriteString(date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }

    private static void Element(XmlWriter xml, string name, string value) => xml.WriteElementString("ram", name, Ram, value);

    /// <summary>An amount with exactly two decimals, a dot, no grouping.</summary>
    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A quantity, price or rate with every decimal it has and no trailing zeros (nothing rounded away).</summary>
    private static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
