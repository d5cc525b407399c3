using System.Text.RegularExpressions;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Customers;

/// <summary>
/// The checks on a customer draft that need nothing but the draft: each problem under the field's name (camelCase,
/// as the API and the page name them), in words saying what, where and why. The payment terms are checked against
/// the <c>payment-terms</c> rules (L441-10) and uniqueness against the database by <see cref="CustomerMaster"/>.
/// </summary>
public static partial class CustomerDraftCheck
{
    /// <summary>Far above any real payment history, so a typing slip (an amount in the wrong column) is caught.</summary>
    public const int MaxPaidInvoicesCarriedOver = 100_000;

    public static readonly string[] Segments = ["Key", "Standard", "Small"];

    public static readonly string[] RiskClasses = ["A", "B", "C", "D", "E"];

    /// <summary>Within the decimal(18,2) columns, and far above any real customer's limit.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <param name="draft">The proposed master data.</param>
    /// <param name="creating">True for a new customer (the id and the credit limit are then given).</param>
    /// <param name="today">The day of the check: a review or an insurer cover expiry in the past is refused.</param>
    /// <param name="isSalesperson">Whether a user name is a salesperson; null when the host knows no user list.</param>
    public static Dictionary<string, List<string>> Problems(CustomerDraft draft, bool creating, DateOnly today, Func<string, bool>? isSalesperson)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!problems.TryGetValue(field, out var list))
            {
                problems[field] = list = [];
            }

            list.Add(message);
        }

        if (creating)
        {
            if (string.IsNullOrWhiteSpace(draft.Id) || !IdPattern().IsMatch(draft.Id))
            {
                Add("id", $"Customer id '{draft.Id}' must be 1 to 32 capital letters, digits or dashes (e.g. C-0042).");
            }
        }

        Text(draft.LegalName, "legalName", "The legal name", 200, Add);
        if (Customers.Siren.Problem(draft.Siren) is { } siren)
        {
            Add("siren", siren);
        }
        else if (Customers.VatNumber.Problem(draft.VatNumber, draft.Siren!) is { } vat)
        {
            Add("vatNumber", vat);
        }

        Text(draft.AddressLine1, "addressLine1", "The address", 200, Add);
        if (draft.AddressLine2 is { Length: > 200 })
        {
            Add("addressLine2", "The second address line is longer than 200 characters.");
        }

        Text(draft.City, "city", "The city", 100, Add);
        var country = draft.CountryCode ?? "FR";
        if (!CountryPattern().IsMatch(country))
        {
            Add("countryCode", $"Country '{country}' must be a two-letter ISO code such as FR.");
        }
        else if (country == "FR" && (draft.PostalCode is null || !FrenchPostalCode().IsMatch(draft.PostalCode)))
        {
            Add("postalCode", $"Postal code '{draft.PostalCode}' must be 5 digits in France.");
        }
        else
        {
            Text(draft.PostalCode, "postalCode", "The postal code", 20, Add);
        }

        if (draft.Segment is null || !Segments.Contains(draft.Segment, StringComparer.Ordinal))
        {
            Add("segment", $"Segment '{draft.Segment}' must be one of {string.Join(", ", Segments)}.");
        }

        if (string.IsNullOrWhiteSpace(draft.Salesperson))
        {
            Add("salesperson", "Every customer has a salesperson: give their user name.");
        }
        else if (isSalesperson is not null && !isSalesperson(draft.Salesperson))
        {
            Add("salesperson", $"'{draft.Salesperson}' is not a user with the Salesperson role.");
        }

        if (draft.PaymentTermDays is not { } days || days is < 0 or > 60)
        {
            Add("paymentTermDays", $"Payment terms of {draft.PaymentTermDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} days: give 0 to 60 days (L441-10 caps agreed terms at 60 days).");
        }

        if (!Enum.TryParse<PaymentTermBasis>(draft.PaymentTermBasis, ignoreCase: false, out _) || int.TryParse(draft.PaymentTermBasis, out _))
        {
            Add("paymentTermBasis", $"Payment term basis '{draft.PaymentTermBasis}' must be Delivery, InvoiceDate or EndOfMonth.");
        }

        for (var i = 0; i < (draft.Contacts?.Count ?? 0); i++)
        {
            if (ContactProblem(draft.Contacts![i]) is { } problem)
            {
                Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"contacts[{i}]"), problem);
            }
        }

        if (draft.RiskClass is null || !RiskClasses.Contains(draft.RiskClass, StringComparer.Ordinal))
        {
            Add("riskClass", $"Risk class '{draft.RiskClass}' must be A (best) to E (worst).");
        }

        if (creating)
        {
            Amount(draft.InternalCreditLimit ?? 0m, "internalCreditLimit", "The credit limit", Add);
        }

        Amount(draft.InsurerCover ?? 0m, "insurerCover", "The insurer's cover", Add);
        if ((draft.InsurerCover ?? 0m) > 0m && draft.InsurerCoverExpiresOn is null)
        {
            Add("insurerCoverExpiresOn", "An insurer's cover has an expiry date: give it, so the credit manager renews it in time.");
        }

        if (draft.InsurerCoverExpiresOn is { } expires && (draft.InsurerCover ?? 0m) > 0m && expires < today)
        {
            Add("insurerCoverExpiresOn", $"The insurer's cover expired on {expires:yyyy-MM-dd}: set the cover to 0 or give the renewed expiry date.");
        }

        if (draft.NextReviewOn is { } review && review < today)
        {
            Add("nextReviewOn", $"The next review date {review:yyyy-MM-dd} is in the past.");
        }

        if (draft.PaidInvoicesCarriedOver is < 0 or > MaxPaidInvoicesCarriedOver)
        {
            Add("paidInvoicesCarriedOver", $"The paid invoices carried over ({draft.PaidInvoicesCarriedOver}) must be between 0 and {MaxPaidInvoicesCarriedOver}.");
        }

        return problems;
    }

    /// <summary>The contact made as <see cref="CustomerContact.Create"/> makes it; null when it can be.</summary>
    public static string? ContactProblem(ContactDraft contact)
    {
        if (!Enum.TryParse<ContactRole>(contact.Role, ignoreCase: false, out var role) || int.TryParse(contact.Role, out _))
        {
            return $"Contact role '{contact.Role}' is not one of {string.Join(", ", Enum.GetNames<ContactRole>())}.";
        }

        try
        {
            CustomerContact.Create(contact.Name ?? string.Empty, contact.Email ?? string.Empty, role);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"Contact '{contact.Name}': {e.Message.Split(" (Parameter", 2)[0]}";
        }
    }

    private static void Text(string? value, string field, string what, int max, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            add(field, $"{what} is required.");
        }
        else if (value.Length > max)
        {
            add(field, $"{what} is longer than {max} characters.");
        }
    }

    private static void Amount(decimal value, string field, string what, Action<string, string> add)
    {
        if (value < 0m || value > MaxAmount)
        {
            add(field, $"{what} must be between 0 and {MaxAmount:N0}.");
        }
        else if (decimal.Round(value, 2) != value)
        {
            add(field, $"{what} is in cents at most: {value} has more than 2 decimals.");
        }
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,31}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex FrenchPostalCode();
}
