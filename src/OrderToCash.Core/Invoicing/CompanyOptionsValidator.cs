using Microsoft.Extensions.Options;
using OrderToCash.Core.Customers;

namespace OrderToCash.Core.Invoicing;

/// <summary>The seller's identity is checked when the host starts (<c>ValidateOnStart</c>), not at the first invoice.</summary>
public sealed class CompanyOptionsValidator : IValidateOptions<CompanyOptions>
{
    public ValidateOptionsResult Validate(string? name, CompanyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.LegalName))
        {
            problems.Add($"{CompanyOptions.SectionName}:LegalName is empty: it is printed on every invoice.");
        }

        if (Siren.Problem(options.Siren) is { } siren)
        {
            problems.Add($"{CompanyOptions.SectionName}:Siren: {siren}");
        }
        else if (VatNumber.Problem(options.VatNumber, options.Siren) is { } vat)
        {
            problems.Add($"{CompanyOptions.SectionName}:VatNumber: {vat}");
        }

        if (!string.IsNullOrWhiteSpace(options.Iban) && Iban.Problem(options.Iban) is { } iban)
        {
            problems.Add($"{CompanyOptions.SectionName}:Iban: {iban}");
        }

        if (!string.IsNullOrWhiteSpace(options.ContactEmail) && EmailAddress.Problem(options.ContactEmail) is { } email)
        {
            problems.Add($"{CompanyOptions.SectionName}:ContactEmail: {email}");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
