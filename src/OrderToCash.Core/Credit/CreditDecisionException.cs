namespace OrderToCash.Core.Credit;

/// <summary>A credit decision that the rules of the process do not allow; the message says why.</summary>
public sealed class CreditDecisionException(string message) : Exception(message);
