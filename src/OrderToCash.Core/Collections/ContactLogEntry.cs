namespace OrderToCash.Core.Collections;

/// <summary>
/// One contact with a customer about its account, written by a collector or its salesperson and read by both: a call,
/// an e-mail or a note, what came of it, and the next action with its date (the worklist shows it on that day).
/// </summary>
public sealed class ContactLogEntry
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string CustomerId { get; init; }

    public ContactKind Kind { get; init; }

    public ContactOutcome Outcome { get; init; }

    /// <summary>Who was reached at the customer (e.g. "Sophie Martin, comptabilité fournisseurs"), when known.</summary>
    public string? ContactName { get; init; }

    /// <summary>What was said or written.</summary>
    public string? Note { get; init; }

    /// <summary>The invoice the contact was about, when it was about one.</summary>
    public string? InvoiceNumber { get; init; }

    /// <summary>The promise to pay recorded with this contact (outcome <see cref="ContactOutcome.PromiseToPay"/>).</summary>
    public Guid? PromiseId { get; init; }

    /// <summary>What to do next (call back, send a copy of the invoice...).</summary>
    public string? NextAction { get; init; }

    public DateOnly? NextActionOn { get; init; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>How the customer was contacted.</summary>
public enum ContactKind
{
    Call,
    Email,
    Note,
}

/// <summary>What came of a contact.</summary>
public enum ContactOutcome
{
    /// <summary>Nobody answered.</summary>
    NoAnswer,

    /// <summary>A message was left (voicemail, switchboard).</summary>
    LeftMessage,

    /// <summary>The right person was reached; nothing committed.</summary>
    Reached,

    /// <summary>The customer committed to an amount and a date (a promise to pay is recorded with the contact).</summary>
    PromiseToPay,

    /// <summary>The customer says it has paid: cash application is to check.</summary>
    SaysPaid,

    /// <summary>The customer contests the invoice: a dispute is to be raised.</summary>
    Contests,

    /// <summary>The customer refuses or cannot pay: the credit manager is to decide.</summary>
    CannotPay,

    /// <summary>An e-mail was sent, or a note written for the file.</summary>
    Information,
}
