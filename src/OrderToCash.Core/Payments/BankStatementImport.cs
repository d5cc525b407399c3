using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Payments;

/// <summary>
/// Imports a camt.053 statement (ADR 0083). Each booked credit becomes a payment of the customer it names — by the
/// invoice numbers quoted in its remittance information, else by the paying IBAN in the customer master — applied by the
/// usual cash application (quoted invoices, else the one open invoice of exactly that amount); anything else stays
/// unapplied with one collector task per entry. Each entry commits on its own with its payment; the entry's unique
/// (account, reference) makes a second or concurrent import of it a no-op. Debits, pending entries and reversals are
/// listed and left alone.
/// </summary>
public sealed class BankStatementImport(
    Func<OrderToCashDbContext> createContext, CashApplication cash, SettlementMessages settlements, UnappliedCashTasks tasks, TimeProvider clock)
{
    public async Task<BankStatementImportResult> ImportAsync(BankStatementFile file, string importedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var lines = new List<BankEntryResult>();
        var settled = new List<Invoice>();
        var unapplied = new List<BankStatementEntry>();
        foreach (var statement in file.Statements)
        {
            foreach (var entry in statement.Entries)
            {
                if (!entry.IsReceipt)
                {
                    lines.Add(BankEntryResult.Ignored(statement.Account, entry, NotAReceipt(entry)));
                    continue;
                }

                var (row, isNew, invoices) = await LostRace.RetryAsync(_ => TryImportAsync(file, statement, entry, importedBy, cancellationToken), cancellationToken).ConfigureAwait(false);
                lines.Add(BankEntryResult.From(row, isNew, invoices.Select(i => i.Number).ToList()));
                settled.AddRange(invoices.Where(i => i.IsSettled));
                if (row.Outcome == BankEntryOutcome.Unapplied)
                {
                    unapplied.Add(row);
                }
            }
        }

        await settlements.SendAsync(settled, cancellationToken).ConfigureAwait(false);
        var tasksOpened = await tasks.OpenAsync(unapplied, cancellationToken).ConfigureAwait(false);
        return new BankStatementImportResult(file.MessageId, [.. file.Statements.Select(s => s.StatementId)], lines, tasksOpened);
    }

    private async Task<(BankStatementEntry Row, bool IsNew, IReadOnlyList<Invoice> Applied)> TryImportAsync(
        BankStatementFile file, BankStatement statement, BankEntry entry, string importedBy, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var known = await db.Set<BankStatementEntry>().AsNoTracking()
            .FirstOrDefaultAsync(e => e.Account == statement.Account && e.Reference == entry.Reference, cancellationToken).ConfigureAwait(false);
        if (known is not null)
        {
            return (known, false, []);
        }

        var (customer, matchedBy, unidentified) = await IdentifyAsync(db, entry, cancellationToken).ConfigureAwait(false);
        var row = new BankStatementEntry
        {
            Account = statement.Account,
            Reference = entry.Reference,
            StatementId = statement.StatementId,
            MessageId = file.MessageId,
            BookedOn = entry.BookedOn,
            Amount = entry.Amount,
            Currency = entry.Currency,
            DebtorName = entry.DebtorName,
            DebtorIban = entry.DebtorIban,
            RemittanceInfo = entry.RemittanceInfo.Length == 0 ? null : entry.RemittanceInfo,
            MatchedBy = matchedBy,
            ImportedBy = importedBy,
            ImportedAt = clock.GetUtcNow(),
        };
        db.Add(row);
        IReadOnlyList<Invoice> applied = [];
        if (customer is null)
        {
            row.Recorded(BankEntryOutcome.Unapplied, null, null, unidentified);
        }
        else if (!string.Equals(customer.Currency, entry.Currency, StringComparison.Ordinal))
        {
            row.Recorded(BankEntryOutcome.Unapplied, customer.Id, null,
                $"{entry.Money} received for customer {customer.Id}, who is invoiced in {customer.Currency}: the amount is left unapplied until a collector converts and applies it.");
        }
        else
        {
            applied = await RecordPaymentAsync(db, row, entry, customer, importedBy, cancellationToken).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (row, true, applied);
    }

    private async Task<IReadOnlyList<Invoice>> RecordPaymentAsync(
        OrderToCashDbContext db, BankStatementEntry row, BankEntry entry, Customer customer, string importedBy, CancellationToken cancellationToken)
    {
        var request = new ReceivedPayment(entry.Reference, customer.Id, entry.Amount, entry.Currency, entry.BookedOn, PaymentRemittance(entry.RemittanceInfo));
        var (result, settled) = await cash.RecordInAsync(db, request, importedBy, cancellationToken).ConfigureAwait(false);
        switch (result)
        {
            case { Payment: { } payment }:
                var appliedTo = db.ChangeTracker.Entries<PaymentAllocation>().Where(a => a.State == EntityState.Added && a.Entity.PaymentId == payment.Id)
                    .Select(a => a.Entity.InvoiceId).ToHashSet();
                var invoices = db.ChangeTracker.Entries<Invoice>().Select(i => i.Entity).Where(i => appliedTo.Contains(i.Id)).ToList();
                row.Recorded(payment.UnappliedAmount == 0m ? BankEntryOutcome.Applied : BankEntryOutcome.Unapplied, customer.Id, payment.Id,
                    payment.UnappliedAmount == 0m ? null : UnappliedReason(payment, row.MatchedBy, invoices));
                return invoices.Count == 0 ? settled : invoices;
            case { DuplicateReason: { } duplicate }:
                var existing = await db.Set<Payment>().AsNoTracking().Where(p => p.Reference == entry.Reference).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                row.Recorded(BankEntryOutcome.AlreadyRecorded, customer.Id, existing, duplicate);
                return [];
            default:
                row.Recorded(BankEntryOutcome.Unapplied, customer.Id, null, "The payment could not be recorded: " + string.Join(" ", result.Problems!.Values.SelectMany(m => m)));
                return [];
        }
    }

    /// <summary>The customer the entry names: a quoted invoice's, else the one whose master holds the paying IBAN.</summary>
    private static async Task<(Customer? Customer, string? MatchedBy, string Unidentified)> IdentifyAsync(OrderToCashDbContext db, BankEntry entry, CancellationToken cancellationToken)
    {
        var quoted = PaymentAllocator.QuotedNumbers(entry.RemittanceInfo);
        if (quoted.Count > 0)
        {
            var owners = await db.Set<Invoice>().AsNoTracking().Where(i => quoted.Contains(i.Number))
                .Select(i => new { i.Number, i.CustomerId }).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (quoted.Select(n => owners.Find(o => o.Number == n)).FirstOrDefault(o => o is not null) is { } first)
            {
                return (await db.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == first.CustomerId, cancellationToken).ConfigureAwait(false), "invoice", string.Empty);
            }
        }

        if (entry.DebtorIban is { } iban)
        {
            var payers = await db.Set<Customer>().AsNoTracking().Where(c => c.Iban == iban).Take(2).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (payers.Count == 1)
            {
                return (payers[0], "iban", string.Empty);
            }

            if (payers.Count > 1)
            {
                return (null, null, $"The paying account {iban} is in the master of several customers ({string.Join(", ", payers.Select(p => p.Id))}) and no invoice number is quoted: a collector chooses.");
            }
        }

        var quotedText = quoted.Count == 0 ? "no invoice number is quoted" : $"the invoice numbers quoted ({string.Join(", ", quoted)}) do not exist";
        var ibanText = entry.DebtorIban is null ? "the bank gives no paying account" : $"no customer has the paying account {entry.DebtorIban} in its master";
        return (null, null, $"Nobody identified: {quotedText} and {ibanText}.");
    }

    private static string UnappliedReason(Payment payment, string? matchedBy, List<Invoice> appliedTo) => appliedTo.Count > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{payment.Unapplied} left over after paying {string.Join(", ", appliedTo.Select(i => i.Number))}: more than was open.")
        : matchedBy == "invoice"
            ? "The invoices quoted are not open any more: the payment waits on the customer's account."
            : $"Customer {payment.CustomerId} identified by its account, but no invoice is quoted and no single open invoice is exactly {payment.Unapplied}.";

    /// <summary>The payment keeps 140 characters of remittance text: the invoice numbers quoted come first so none is cut off.</summary>
    private static string? PaymentRemittance(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length <= 140)
        {
            return text;
        }

        var quoted = string.Join(" ", PaymentAllocator.QuotedNumbers(text));
        var combined = quoted.Length == 0 ? text : quoted + " " + text;
        return combined[..Math.Min(140, combined.Length)];
    }

    private static string NotAReceipt(BankEntry entry) =>
        !entry.IsCredit ? "A debit: money out is not cash to apply."
        : entry.IsReversal ? "A reversal: the bank takes back an earlier entry; the collector reverses its payment if one was recorded."
        : "Not booked yet (pending or information only): it is imported from the statement that books it.";
}

/// <summary>What an import did: one line per entry of the file, in order.</summary>
/// <param name="MessageId">The file's message id (GrpHdr/MsgId).</param>
/// <param name="StatementIds">The statements it held (Stmt/Id).</param>
/// <param name="Entries">Each entry's outcome.</param>
/// <param name="TasksOpened">False when entries are unapplied but the unapplied-cash process is not published.</param>
public sealed record BankStatementImportResult(string MessageId, IReadOnlyList<string> StatementIds, IReadOnlyList<BankEntryResult> Entries, bool TasksOpened)
{
    public int Applied => Entries.Count(e => e.IsNew && e.Outcome == "applied");

    public int Unapplied => Entries.Count(e => e.IsNew && e.Outcome == "unapplied");

    public int AlreadyImported => Entries.Count(e => !e.IsNew && e.Outcome != "ignored");

    public int Ignored => Entries.Count(e => e.Outcome == "ignored");
}

/// <summary>One entry's outcome: applied, unapplied, alreadyRecorded or ignored; <see cref="IsNew"/> false when imported before.</summary>
public sealed record BankEntryResult(
    string Account, string Reference, DateOnly BookedOn, decimal Amount, string Currency, string Outcome, bool IsNew,
    string? CustomerId, string? MatchedBy, Guid? PaymentId, IReadOnlyList<string> AppliedTo, string? Reason)
{
    public static BankEntryResult From(BankStatementEntry row, bool isNew, IReadOnlyList<string> appliedTo)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Account, row.Reference, row.BookedOn, row.Amount, row.Currency, Name(row.Outcome), isNew,
            row.CustomerId, row.MatchedBy, row.PaymentId, appliedTo, row.Reason);
    }

    public static BankEntryResult Ignored(string account, BankEntry entry, string reason)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(account, entry.Reference, entry.BookedOn, entry.Amount, entry.Currency, "ignored", false, null, null, null, [], reason);
    }

    private static string Name(BankEntryOutcome outcome) => outcome switch
    {
        BankEntryOutcome.Applied => "applied",
        BankEntryOutcome.Unapplied => "unapplied",
        _ => "alreadyRecorded",
    };
}
