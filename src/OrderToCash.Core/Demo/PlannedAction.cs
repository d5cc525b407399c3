namespace OrderToCash.Core.Demo;

/// <summary>What a synthetic customer (or the back office's stand-in) will do on a given day about one invoice.</summary>
internal abstract record PlannedAction(string InvoiceNumber);

/// <param name="InvoiceNumber">The invoice meant.</param>
/// <param name="ShareOfOpen">The share of what is open on the day (1 = all of it).</param>
/// <param name="QuotesInvoice">The remittance information quotes the invoice number.</param>
/// <param name="OverPayment">Extra money sent by mistake (stays unapplied).</param>
internal sealed record PlannedPayment(string InvoiceNumber, decimal ShareOfOpen, bool QuotesInvoice, decimal OverPayment) : PlannedAction(InvoiceNumber);

/// <param name="InvoiceNumber">The invoice contested.</param>
/// <param name="ShareOfGross">The contested share of the invoice.</param>
/// <param name="ReasonCode">Why (taxonomy code).</param>
internal sealed record PlannedDispute(string InvoiceNumber, decimal ShareOfGross, string ReasonCode) : PlannedAction(InvoiceNumber);

/// <param name="InvoiceNumber">The invoice credited.</param>
/// <param name="Amount">The credit note's amount.</param>
/// <param name="Reason">Why.</param>
internal sealed record PlannedCreditNote(string InvoiceNumber, decimal Amount, string Reason) : PlannedAction(InvoiceNumber);

/// <param name="InvoiceNumber">The invoice the credit manager gives up on.</param>
internal sealed record PlannedWriteOff(string InvoiceNumber) : PlannedAction(InvoiceNumber);

/// <param name="InvoiceNumber">The invoice the customer promises to pay (what it does not contest).</param>
/// <param name="PromisedFor">The date promised.</param>
internal sealed record PlannedPromise(string InvoiceNumber, DateOnly PromisedFor) : PlannedAction(InvoiceNumber);

/// <param name="InvoiceNumber">The invoice the collector calls about.</param>
/// <param name="Outcome">What came of the call (no answer, a message left...).</param>
/// <param name="CallBackInDays">When the collector plans to call again.</param>
internal sealed record PlannedCall(string InvoiceNumber, string Outcome, int CallBackInDays) : PlannedAction(InvoiceNumber);
