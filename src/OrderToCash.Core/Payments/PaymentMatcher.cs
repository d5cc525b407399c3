using System.Text.RegularExpressions;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Payments;

/// <summary>
/// Which open invoices a received payment settles (ADR 0043): first the invoice numbers the customer quoted in the
/// remittance information, in the order quoted; else the single open invoice whose open amount is exactly the payment;
/// else none, and the payment waits unapplied for a collector. Guessing (oldest first) is refused on purpose: a wrong
/// match sends reminders for an invoice the customer paid and hides the one they meant to pay.
/// </summary>
public static partial class PaymentMatcher
{
    /// <param name="amount">The payment's amount.</param>
    /// <param name="remittanceInfo">The customer's free text (may quote invoice numbers).</param>
    /// <param name="openInvoices">The customer's open invoices in the payment's currency.</param>
    /// <returns>The invoices to apply the payment to, in order (each takes what it can of what is left).</returns>
    public static IReadOnlyList<Invoice> Match(decimal amount, string? remittanceInfo, IReadOnlyList<Invoice> openInvoices)
    {
        ArgumentNullException.ThrowIfNull(openInvoices);
        var quoted = QuotedNumbers(remittanceInfo)
            .Select(n => openInvoices.FirstOrDefault(i => string.Equals(i.Number, n, StringComparison.OrdinalIgnoreCase)))
            .OfType<Invoice>()
            .ToList();
        if (quoted.Count > 0)
        {
            return quoted;
        }

        var exact = openInvoices.Where(i => i.OpenAmount == amount).Take(2).ToList();
        return exact.Count == 1 ? exact : [];
    }

    /// <summary>The invoice numbers (FA-yyyy-nnnnnn) in a remittance text, once each, in the order written.</summary>
    public static IReadOnlyList<string> QuotedNumbers(string? remittanceInfo) =>
        remittanceInfo is null
            ? []
            : InvoiceNumberPattern().Matches(remittanceInfo).Select(m => m.Value.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\bFA-\d{4}-\d{6}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InvoiceNumberPattern();
}
