namespace OrderToCash.Core.Invoicing;

/// <summary>
/// The seller printed on every invoice (configuration section <c>Company</c>). The defaults are a fictional company
/// with a valid SIREN checksum, so a first run issues well-formed invoices; production sets its own.
/// </summary>
public sealed class CompanyOptions
{
    public const string SectionName = "Company";

    public string LegalName { get; set; } = "Minoterie Exemple SAS";

    public string Siren { get; set; } = "123456782";

    /// <summary>The intra-community VAT number (FR + key + SIREN).</summary>
    public string VatNumber { get; set; } = "FR11123456782";

    /// <summary>Legal form, share capital and trade register, printed at the foot of every document (Code de commerce R123-237).</summary>
    public string LegalMentions { get; set; } = "SAS au capital de 100 000 € – RCS Paris 123 456 782";

    public string AddressLine1 { get; set; } = "1 quai des Meuniers";

    public string PostalCode { get; set; } = "75004";

    public string City { get; set; } = "Paris";

    public string CountryCode { get; set; } = "FR";

    /// <summary>The account customers pay into (printed on invoices, written as the Factur-X payment means); none when empty.</summary>
    public string? Iban { get; set; } = "FR7630006000011234567890189";

    public string? Bic { get; set; } = "AGRIFRPP";

    /// <summary>The sender of the documents and reminders (e-mail), e.g. "Minoterie Exemple — Recouvrement".</summary>
    public string? ContactEmail { get; set; } = "recouvrement@minoterie-exemple.example";
}
