using System.Globalization;
using CsvHelper;

namespace OrderToCash.Core.Customers;

/// <summary>
/// Reads a customer onboarding file: a header naming the columns (any order; <see cref="Columns"/>), one customer per
/// line, ';' (French spreadsheets) or ',' as separator, amounts with a comma or a dot, dates as yyyy-MM-dd or
/// dd/MM/yyyy. What cannot be read is reported by line and column; the drafts are checked by <see cref="CustomerMaster"/>.
/// </summary>
public static class CustomerCsv
{
    public static readonly string[] Columns =
    [
        "id", "legalName", "siren", "vatNumber", "addressLine1", "addressLine2", "postalCode", "city", "countryCode", "segment", "salesperson",
        "paymentTermDays", "paymentTermBasis", "paymentTermsAgreedInContract", "periodicInvoicing", "riskClass", "internalCreditLimit", "insurerCover",
        "insurerCoverExpiresOn", "nextReviewOn", "paidInvoicesCarriedOver", "accountsPayableName", "accountsPayableEmail",
    ];

    private static readonly string[] Required = ["id", "legalName", "siren", "vatNumber", "addressLine1", "postalCode", "city", "segment", "salesperson", "paymentTermDays", "paymentTermBasis", "riskClass"];

    /// <summary>At most this many customers in one file (one transaction).</summary>
    public const int MaxLines = 5_000;

    public static (List<(int Line, CustomerDraft Draft)> Lines, Dictionary<string, List<string>> Problems) Read(string text)
    {
        var lines = new List<(int, CustomerDraft)>();
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string key, string message)
        {
            if (!problems.TryGetValue(key, out var list))
            {
                problems[key] = list = [];
            }

            list.Add(message);
        }

        // The separator (';' from a French spreadsheet, ',' otherwise) is detected from the first lines.
        using var reader = CsvReader.FromText(text, new CsvReaderOptions { TrackLineNumbers = true, TrimWhitespace = true });
        var header = reader.Headers.Select(h => h.Trim()).ToList();
        if (header.Count == 0 || header.All(h => h.Length == 0))
        {
            Add("file", "The file is empty: the first line names the columns (" + string.Join(";", Columns) + ").");
            return (lines, problems);
        }

        var unknown = header.Where(h => !Columns.Contains(h, StringComparer.Ordinal)).ToList();
        var missing = Required.Where(r => !header.Contains(r, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            Add("header", $"Line 1 {(missing.Count > 0 ? $"lacks the column(s) {string.Join(", ", missing)}" : string.Empty)}{(missing.Count > 0 && unknown.Count > 0 ? " and " : string.Empty)}{(unknown.Count > 0 ? $"has unknown column(s) {string.Join(", ", unknown)}" : string.Empty)}; the columns are {string.Join(";", Columns)}.");
            return (lines, problems);
        }

        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            if (lines.Count >= MaxLines)
            {
                Add("file", $"The file has more than {MaxLines} customers: split it.");
                break;
            }

            string? Field(string name) => header.IndexOf(name) is var index and >= 0 && index < reader.FieldCount && reader.GetString(index).Trim() is { Length: > 0 } value ? value : null;
            T? Parse<T>(string name, Func<string, T?> parse)
                where T : struct
            {
                var raw = Field(name);
                if (raw is null)
                {
                    return null;
                }

                var value = parse(raw);
                if (value is null)
                {
                    Add(string.Create(CultureInfo.InvariantCulture, $"line {line}: {name}"), $"'{raw}' is not a {(typeof(T) == typeof(DateOnly) ? "date (yyyy-MM-dd or dd/MM/yyyy)" : typeof(T) == typeof(bool) ? "yes/no value (oui/non, true/false, 1/0)" : "number")}.");
                }

                return value;
            }

            lines.Add((line, new CustomerDraft
            {
                Id = Field("id"),
                LegalName = Field("legalName"),
                Siren = Field("siren"),
                VatNumber = Field("vatNumber"),
                AddressLine1 = Field("addressLine1"),
                AddressLine2 = Field("addressLine2"),
                PostalCode = Field("postalCode"),
                City = Field("city"),
                CountryCode = Field("countryCode"),
                Segment = Field("segment"),
                Salesperson = Field("salesperson"),
                PaymentTermDays = Parse("paymentTermDays", raw => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : (int?)null),
                PaymentTermBasis = Field("paymentTermBasis"),
                PaymentTermsAgreedInContract = Parse("paymentTermsAgreedInContract", Flag),
                PeriodicInvoicing = Parse("periodicInvoicing", Flag),
                Contacts = Field("accountsPayableEmail") is { } email ? [new ContactDraft(Field("accountsPayableName") ?? email, email, nameof(ContactRole.AccountsPayable))] : null,
                RiskClass = Field("riskClass"),
                InternalCreditLimit = Parse("internalCreditLimit", Amount),
                InsurerCover = Parse("insurerCover", Amount),
                InsurerCoverExpiresOn = Parse("insurerCoverExpiresOn", Day),
                NextReviewOn = Parse("nextReviewOn", Day),
                PaidInvoicesCarriedOver = Parse("paidInvoicesCarriedOver", raw => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null),
            }));
        }

        return (lines, problems);
    }

    private static decimal? Amount(string raw)
    {
        var normalized = raw.Replace(" ", string.Empty, StringComparison.Ordinal).Replace('\u00a0'.ToString(), string.Empty, StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>oui/non, true/false, 1/0 (a French spreadsheet says oui).</summary>
    private static bool? Flag(string raw) => raw.ToUpperInvariant() switch
    {
        "OUI" or "TRUE" or "1" or "YES" => true,
        "NON" or "FALSE" or "0" or "NO" => false,
        _ => null,
    };

    private static DateOnly? Day(string raw) =>
        DateOnly.TryParseExact(raw, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
