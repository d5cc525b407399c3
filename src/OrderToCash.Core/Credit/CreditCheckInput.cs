namespace OrderToCash.Core.Credit;

/// <summary>
/// What the credit-limit rules see about an order (input name <c>check</c>). Amounts in euros, incl. VAT.
/// Exposure is computed by the domain (open receivables + invoiced-not-posted + delivered-not-invoiced + open orders).
/// </summary>
/// <param name="OrderAmount">The order being checked.</param>
/// <param name="Exposure">The customer's credit exposure before this order.</param>
/// <param name="InternalLimit">The limit the credit manager granted.</param>
/// <param name="InsurerCover">The credit insurer's cover on this customer (0 when none).</param>
/// <param name="OverdueAmount">Total of the customer's overdue items.</param>
/// <param name="OldestOverdueDays">Days overdue of the oldest open item (0 when none).</param>
/// <param name="RiskClass">A (best) to E (worst), from scoring or the insurer's grade.</param>
/// <param name="AccountAgeDays">Days since the customer account was opened.</param>
/// <param name="PaidInvoiceCount">Invoices the customer has paid so far.</param>
public sealed record CreditCheckInput(
    decimal OrderAmount,
    decimal Exposure,
    decimal InternalLimit,
    decimal InsurerCover,
    decimal OverdueAmount,
    int OldestOverdueDays,
    string RiskClass,
    int AccountAgeDays,
    int PaidInvoiceCount)
{
    /// <summary>The rule set written against this input: rules/credit-limit.json.</summary>
    public const string RuleSet = "credit-limit";
}
