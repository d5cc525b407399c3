namespace OrderToCash.Core.Payments;

/// <summary>What became of an imported bank entry.</summary>
public enum BankEntryOutcome
{
    /// <summary>All of it applied to invoices.</summary>
    Applied,

    /// <summary>Some or all of it waits for a collector: no customer found, no invoice matched, or an unusable currency.</summary>
    Unapplied,

    /// <summary>A payment with the same bank reference was already recorded (entered by hand before the statement came).</summary>
    AlreadyRecorded,
}

/// <summary>
/// One credit entry of a bank statement as imported (ADR 0083). Unique per account and bank reference, so importing the
/// same statement again, or an overlapping one, finds it and writes nothing. Its payment exists when a customer was
/// identified in the entry's currency; unidentified cash has none until a collector names the invoice.
/// </summary>
public sealed class BankStatementEntry
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The account the statement is for (IBAN).</summary>
    public required string Account { get; init; }

    /// <summary>The bank's reference of the entry (AcctSvcrRef, else NtryRef).</summary>
    public required string Reference { get; init; }

    public required string StatementId { get; init; }

    public required string MessageId { get; init; }

    public DateOnly BookedOn { get; init; }

    public decimal Amount { get; init; }

    public required string Currency { get; init; }

    public string? DebtorName { get; init; }

    public string? DebtorIban { get; init; }

    public string? RemittanceInfo { get; init; }

    public BankEntryOutcome Outcome { get; private set; }

    /// <summary>How the customer was found: <c>invoice</c> (a quoted invoice number), <c>iban</c>, or null.</summary>
    public string? MatchedBy { get; init; }

    public string? CustomerId { get; private set; }

    public Guid? PaymentId { get; private set; }

    /// <summary>Why it is unapplied, for the collector.</summary>
    public string? Reason { get; private set; }

    public required string ImportedBy { get; init; }

    public DateTimeOffset ImportedAt { get; init; }

    public long Version { get; private set; }

    /// <summary>The key of the collector's task (the business key of its unapplied-cash instance).</summary>
    public string Key => $"{Account}/{Reference}";

    public Money Money => new(Amount, Currency);

    public void Recorded(BankEntryOutcome outcome, string? customerId, Guid? paymentId, string? reason)
    {
        (Outcome, CustomerId, PaymentId, Reason) = (outcome, customerId, paymentId, reason);
        Version++;
    }
}
