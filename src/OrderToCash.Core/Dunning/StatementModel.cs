using System.Globalization;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// What a statement template sees (plain dictionaries: a template reaches nothing else): the customer, its invoices of
/// this step with the amount asked on each (open − disputed), the totals, the late-payment terms and the seller.
/// </summary>
public static class StatementModel
{
    /// <summary>The names a template may use at the top level (a template naming anything else is refused).</summary>
    public static readonly IReadOnlyList<string> Variables =
        ["customer", "invoices", "total_asked", "total_asked_amount", "total_disputed", "total_disputed_amount", "penalty_rate", "penalty_terms", "indemnity", "seller", "today"];

    /// <summary>The fields of each invoice in <c>invoices</c>.</summary>
    public static readonly IReadOnlyList<string> InvoiceFields =
        ["number", "issue_date", "due_date", "days_late", "gross", "open", "disputed", "disputed_amount", "asked", "asked_amount"];

    /// <param name="customer">The customer reminded.</param>
    /// <param name="invoices">Its invoices of this statement.</param>
    /// <param name="terms">The late-payment terms of the oldest invoice's due date (ECB rate table, ADR 0101): the rate, or the legal formula when the table lacks the semester.</param>
    /// <param name="indemnity">The fixed recovery indemnity per invoice.</param>
    /// <param name="seller">The company.</param>
    /// <param name="today">The statement's day.</param>
    public static Dictionary<string, object?> Create(Customer customer, IReadOnlyList<Invoice> invoices, LatePaymentTermsResult terms, decimal indemnity, CompanyOptions seller, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(seller);
        var currency = invoices.Count > 0 ? invoices[0].Currency : customer.Currency;
        var asked = invoices.Sum(i => i.DunnableAmount);
        var disputed = invoices.Sum(i => Math.Min(i.DisputedAmount, i.OpenAmount));
        return new Dictionary<string, object?>
        {
            ["customer"] = new Dictionary<string, object?>
            {
                ["id"] = customer.Id,
                ["name"] = customer.LegalName,
                ["siren"] = customer.Siren,
                ["address"] = $"{customer.BillingAddress.Line1}, {customer.BillingAddress.PostalCode} {customer.BillingAddress.City}",
            },
            ["invoices"] = invoices.Select(i => (object?)new Dictionary<string, object?>
            {
                ["number"] = i.Number,
                ["issue_date"] = Day(i.IssueDate),
                ["due_date"] = Day(i.DueDate),
                ["days_late"] = Math.Max(0, today.DayNumber - i.DueDate.DayNumber),
                ["gross"] = ReminderRenderer.Amount(i.GrossAmount, i.Currency),
                ["open"] = ReminderRenderer.Amount(i.OpenAmount, i.Currency),
                ["disputed"] = ReminderRenderer.Amount(Math.Min(i.DisputedAmount, i.OpenAmount), i.Currency),
                ["disputed_amount"] = Math.Min(i.DisputedAmount, i.OpenAmount),
                ["asked"] = ReminderRenderer.Amount(i.DunnableAmount, i.Currency),
                ["asked_amount"] = i.DunnableAmount,
            }).ToList(),
            ["total_asked"] = ReminderRenderer.Amount(asked, currency),
            ["total_asked_amount"] = asked,
            ["total_disputed"] = ReminderRenderer.Amount(disputed, currency),
            ["total_disputed_amount"] = disputed,
            ["penalty_rate"] = terms.AnnualRatePercent is { } rate ? FrenchFormat.Number(rate, "0.00") : string.Empty,
            ["penalty_terms"] = terms.RateText,
            ["indemnity"] = ReminderRenderer.Amount(indemnity, "EUR"),
            ["seller"] = new Dictionary<string, object?>
            {
                ["name"] = seller.LegalName,
                ["iban"] = seller.Iban ?? string.Empty,
                ["email"] = seller.ContactEmail ?? string.Empty,
            },
            ["today"] = Day(today),
        };
    }

    /// <summary>A statement with two invoices, one partly disputed: templates are checked on it before they are saved.</summary>
    public static Dictionary<string, object?> Sample()
    {
        var customer = new Customer
        {
            Id = "C-EXEMPLE", LegalName = "Client Exemple SAS", Siren = "261973069", VatNumber = VatNumber.ForSiren("261973069"),
            BillingAddress = new Address("1 rue de l'Exemple", null, "75001", "Paris", "FR"), Segment = "Standard", Salesperson = "salesperson",
            PaymentTerms = PaymentTerms.LegalDefault, RiskClass = "B",
        };
        var first = SampleInvoice("FA-2026-000101", 1_200m);
        var second = SampleInvoice("FA-2026-000102", 480.50m);
        second.DisputeOpened(Money.Euros(80.50m));
        var terms = new LatePaymentTermsResult(new ReferenceTables.Semester(2026, 1), 2.15m, 10m, 40m, RuleSetVersion: 0);
        return Create(customer, [first, second], terms, 40m, new CompanyOptions(), new DateOnly(2026, 4, 15));
    }

    private static Invoice SampleInvoice(string number, decimal gross) => new()
    {
        Number = number, CustomerId = "C-EXEMPLE", Currency = "EUR", IssueDate = new(2026, 2, 1), DeliveryDate = new(2026, 1, 31), DueDate = new(2026, 3, 31),
        PaymentTermsText = "60 jours date de facture", NetAmount = gross, VatAmount = 0m, GrossAmount = gross, Segment = "Standard", Salesperson = "salesperson",
        ProductFamily = "General", SellerSiren = "123456782", SellerVatNumber = "FR11123456782", CustomerSiren = "261973069", CustomerVatNumber = "FR12261973069",
        PenaltyClause = string.Empty, RecoveryIndemnity = 40m,
    };

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
