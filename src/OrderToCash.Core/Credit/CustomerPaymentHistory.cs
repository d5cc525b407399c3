namespace OrderToCash.Core.Credit;

/// <summary>
/// What the credit rules need to know about how a customer pays: the overdue items (amount and the oldest's days) and
/// how many invoices the customer has paid. Read from the invoices by <c>Invoicing.PaymentHistoryQuery</c>: credit sits
/// below invoicing, which moves the exposure (ADR 0130).
/// </summary>
public sealed record CustomerPaymentHistory(decimal OverdueAmount, int OldestOverdueDays, int PaidInvoiceCount);
