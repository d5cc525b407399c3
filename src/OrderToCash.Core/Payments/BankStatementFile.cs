namespace OrderToCash.Core.Payments;

/// <summary>A camt.053 file as read: its message id and one statement per account (ADR 0083).</summary>
public sealed record BankStatementFile(string MessageId, IReadOnlyList<BankStatement> Statements);

/// <summary>One account's statement (relevé bancaire): the account (IBAN, or the bank's other identifier) and its entries.</summary>
public sealed record BankStatement(string StatementId, string Account, IReadOnlyList<BankEntry> Entries);

/// <summary>
/// One booked or pending line of a statement (écriture). <see cref="Reference"/> is the bank's reference for it
/// (AcctSvcrRef, else NtryRef): unique per account, it is what makes a second import of the same line a duplicate.
/// </summary>
/// <param name="Line">Where the entry starts in the file.</param>
/// <param name="Reference">The bank's reference of the entry.</param>
/// <param name="Amount">Positive, in cents.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="IsCredit">CRDT (money in) rather than DBIT.</param>
/// <param name="IsBooked">Status BOOK (pending and information-only entries are not money received yet).</param>
/// <param name="IsReversal">RvslInd: the bank takes back an earlier entry.</param>
/// <param name="BookedOn">The booking date.</param>
/// <param name="DebtorName">Who paid, when the bank says.</param>
/// <param name="DebtorIban">The account it was paid from, when the bank says.</param>
/// <param name="RemittanceInfo">The remittance information (unstructured lines and structured references), space separated.</param>
public sealed record BankEntry(
    int Line, string Reference, decimal Amount, string Currency, bool IsCredit, bool IsBooked, bool IsReversal, DateOnly BookedOn,
    string? DebtorName, string? DebtorIban, string RemittanceInfo)
{
    public Money Money => new(Amount, Currency);

    /// <summary>Money received: a booked credit that is not a reversal.</summary>
    public bool IsReceipt => IsCredit && IsBooked && !IsReversal;
}

/// <summary>Why a file is refused, where (1-based line and column; 0 when the whole file).</summary>
public sealed record BankStatementProblem(int Line, int Column, string Reason)
{
    public override string ToString() => Line > 0 ? $"line {Line}, column {Column}: {Reason}" : Reason;
}
