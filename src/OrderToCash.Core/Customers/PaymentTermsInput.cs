namespace OrderToCash.Core.Customers;

/// <summary>
/// Payment terms proposed on an order or a contract (input name <c>terms</c>), checked against Code de commerce L441-10/11.
/// </summary>
/// <param name="TermDays">The number of days granted.</param>
/// <param name="TermBasis">What the days count from: "Delivery", "InvoiceDate" or "EndOfMonth" (45 days end of month).</param>
/// <param name="AgreedInContract">True when the terms are written in the contract (required beyond the 30-day default).</param>
/// <param name="PeriodicInvoice">True for a periodic (summary) invoice, capped at 45 days from issue.</param>
public sealed record PaymentTermsInput(int TermDays, string TermBasis, bool AgreedInContract, bool PeriodicInvoice)
{
    /// <summary>The rule set written against this input: rules/payment-terms.json.</summary>
    public const string RuleSet = "payment-terms";

    /// <summary>The terms of the customer's contract as the customer master holds them.</summary>
    public static PaymentTermsInput For(Customers.Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new PaymentTermsInput(customer.PaymentTerms.Days, customer.PaymentTerms.Basis.ToString(), customer.PaymentTermsAgreedInContract, customer.PeriodicInvoicing);
    }
}
