namespace OrderToCash.Core.Invoicing;

/// <summary>A business event that the receivables ledger refuses (the API answers 4xx with the message; nothing is written).</summary>
public sealed class LedgerException(string message) : Exception(message);
