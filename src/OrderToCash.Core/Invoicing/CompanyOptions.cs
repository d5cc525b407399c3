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
}
