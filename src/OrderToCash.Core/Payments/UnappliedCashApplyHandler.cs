using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Processes;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Payments;

/// <param name="EntryId">The bank entry the task is about.</param>
/// <param name="InvoiceNumber">The invoice the collector names (from the task).</param>
public sealed record UnappliedCashApplyInput(string EntryId, string? InvoiceNumber);

/// <param name="Resolution"><c>applied</c>, <c>partly</c> (some cash is left: the task is asked again), <c>alreadyApplied</c> or <c>refused</c>.</param>
/// <param name="RefusalReason">Why the answer was refused, or what is left.</param>
public sealed record UnappliedCashApplyOutput(string Resolution, string RefusalReason);

/// <summary>
/// Applies an unapplied bank entry to the invoice the collector named, in the step's transaction: the entry's payment
/// (created for the invoice's customer when nobody was identified), its allocation, the invoice, the exposure, late
/// charges, and InvoiceSettled through the outbox when it settles the invoice. A wrong answer is refused and the task
/// asked again; cash already applied meanwhile (POST /api/payments/{id}/apply) ends the task.
/// </summary>
[WorkflowHandler("unapplied-cash.apply", "Applies an unapplied bank entry to the invoice the collector names.")]
public sealed class UnappliedCashApplyHandler(LateSettlement lateSettlement, TimeProvider clock) : WorkflowHandler<UnappliedCashApplyInput, UnappliedCashApplyOutput>
{
    public const string Refused = "refused";

    protected override async ValueTask<UnappliedCashApplyOutput> HandleAsync(UnappliedCashApplyInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var entry = await db.Set<BankStatementEntry>().SingleAsync(e => e.Id == Guid.Parse(input.EntryId), cancellationToken).ConfigureAwait(false);
        if (entry.Outcome != BankEntryOutcome.Unapplied)
        {
            return new("alreadyApplied", string.Empty);
        }

        var number = input.InvoiceNumber?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(number))
        {
            return Refuse("Name the invoice to apply the cash to (e.g. FA-2026-000123).");
        }

        var invoice = await db.Set<Invoice>().FirstOrDefaultAsync(i => i.Number == number, cancellationToken).ConfigureAwait(false);
        if (invoice is null)
        {
            return Refuse($"Invoice {number} does not exist.");
        }

        if (invoice.IsSettled)
        {
            return Refuse($"Invoice {number} is settled: nothing is open on it.");
        }

        var payment = entry.PaymentId is { } id
            ? await db.Set<Payment>().SingleAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false)
            : await NewPaymentAsync(db, entry, invoice, context.InstanceId, cancellationToken).ConfigureAwait(false);
        if (payment is null)
        {
            return Refuse($"{entry.Money} cannot pay invoice {number}, which is in {invoice.Currency}; or a payment with the reference {entry.Reference} exists already (apply it from the payments).");
        }

        if (payment.UnappliedAmount == 0m)
        {
            entry.Recorded(BankEntryOutcome.Applied, payment.CustomerId, payment.Id, null);
            return new("alreadyApplied", string.Empty);
        }

        if (payment.CustomerId != invoice.CustomerId)
        {
            return Refuse($"The cash is on customer {payment.CustomerId}'s account; invoice {number} is customer {invoice.CustomerId}'s: cash is applied only within one account.");
        }

        var settled = await CashApplication.ApplyInAsync(db, lateSettlement, payment, invoice, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        foreach (var paid in settled)
        {
            await CycleMessageOutbox.EnqueueAsync(db, CycleMessages.InvoiceSettled, paid.Number, SettlementMessages.MessageId(paid.Number), now, cancellationToken).ConfigureAwait(false);
        }

        if (payment.UnappliedAmount > 0m)
        {
            var left = $"{payment.Unapplied} is still unapplied after paying {number}.";
            entry.Recorded(BankEntryOutcome.Unapplied, payment.CustomerId, payment.Id, left);
            return new("partly", left);
        }

        entry.Recorded(BankEntryOutcome.Applied, payment.CustomerId, payment.Id, null);
        return new("applied", string.Empty);
    }

    /// <summary>The payment of cash nobody was identified for, on the named invoice's customer (same currency, unused reference).</summary>
    private async Task<Payment?> NewPaymentAsync(OrderToCashDbContext db, BankStatementEntry entry, Invoice invoice, string instanceId, CancellationToken cancellationToken)
    {
        if (!string.Equals(entry.Currency, invoice.Currency, StringComparison.Ordinal)
            || await db.Set<Payment>().AnyAsync(p => p.Reference == entry.Reference, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var remittance = entry.RemittanceInfo is { Length: > 140 } text ? text[..140] : entry.RemittanceInfo;
        var payment = Payment.Receive(entry.Reference, invoice.CustomerId, entry.Money, entry.BookedOn, remittance, $"unapplied-cash {instanceId}", clock.GetUtcNow());
        db.Add(payment);
        return payment;
    }

    private static UnappliedCashApplyOutput Refuse(string reason) => new(Refused, reason);
}
