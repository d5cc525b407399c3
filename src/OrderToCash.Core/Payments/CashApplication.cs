using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Payments;

/// <summary>
/// Records received payments and applies them to invoices (ADR 0043): in one transaction the payment, its allocations,
/// the invoices' paid amounts, late-payment charges and the exposure; after the commit, InvoiceSettled for each invoice
/// the payment settled. Bad input is refused before anything is written.
/// </summary>
public sealed class CashApplication(Func<OrderToCashDbContext> createContext, LateSettlement lateSettlement, SettlementMessages settlements, EcbRateEntry ecbRates, TimeProvider clock)
{
    public async Task<PaymentResult> ReceiveAsync(ReceivedPayment request, string recordedBy, CancellationToken cancellationToken)
    {
        var (result, settled) = await RecordAsync(request, recordedBy, cancellationToken).ConfigureAwait(false);
        await AfterCommitAsync(settled, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Records a batch (a bank statement): each payment commits on its own (one refused line does not stop the others),
    /// then the dunning hears of every settled invoice in ONE workflow transaction.
    /// </summary>
    public async Task<IReadOnlyList<PaymentResult>> ReceiveManyAsync(IReadOnlyList<ReceivedPayment> requests, string recordedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new List<PaymentResult>(requests.Count);
        var settled = new List<Invoice>();
        foreach (var request in requests)
        {
            var (result, invoices) = await RecordAsync(request, recordedBy, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            settled.AddRange(invoices);
        }

        await AfterCommitAsync(settled, cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>
    /// After the commit: InvoiceSettled to the dunning of each settled invoice, and a settlement that left interest
    /// waiting for an ECB rate asks the credit manager for it (ADR 0101).
    /// </summary>
    private async Task AfterCommitAsync(IReadOnlyList<Invoice> settled, CancellationToken cancellationToken)
    {
        await settlements.SendAsync(settled, cancellationToken).ConfigureAwait(false);
        if (settled.Count > 0)
        {
            await ecbRates.FollowUpAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A concurrent write on the same invoices or exposure (another payment, a delivery) makes this one run again on
    /// fresh data; a concurrent import of the same bank line is then found and answered as a duplicate.
    /// </summary>
    private Task<(PaymentResult Result, IReadOnlyList<Invoice> Settled)> RecordAsync(ReceivedPayment request, string recordedBy, CancellationToken cancellationToken) =>
        LostRace.RetryAsync(_ => TryRecordAsync(request, recordedBy, cancellationToken), cancellationToken);

    private async Task<(PaymentResult Result, IReadOnlyList<Invoice> Settled)> TryRecordAsync(ReceivedPayment request, string recordedBy, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var recorded = await RecordInAsync(db, request, recordedBy, cancellationToken).ConfigureAwait(false);
        if (recorded.Result.Payment is not null)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return recorded;
    }

    /// <summary>
    /// Records and applies the payment in the caller's unit of work (a bank statement entry is saved with it); nothing is
    /// saved here. The caller sends InvoiceSettled for the invoices returned once its transaction committed.
    /// </summary>
    public async Task<(PaymentResult Result, IReadOnlyList<Invoice> Settled)> RecordInAsync(OrderToCashDbContext db, ReceivedPayment request, string recordedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (Shape(request, today) is { Count: > 0 } problems)
        {
            return (PaymentResult.Invalid(problems), []);
        }

        var customer = await db.Set<Customer>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CustomerId, cancellationToken).ConfigureAwait(false);
        if (customer is null)
        {
            return (PaymentResult.Invalid(new() { ["customerId"] = [$"Customer '{request.CustomerId}' was not found."] }), []);
        }

        if (!string.Equals(customer.Currency, request.Currency, StringComparison.Ordinal))
        {
            return (PaymentResult.Invalid(new() { ["currency"] = [$"Customer {customer.Id} is invoiced in {customer.Currency}; a payment in {request.Currency} cannot be applied to its account."] }), []);
        }

        var reference = request.Reference!.Trim();
        if (await db.Set<Payment>().AnyAsync(p => p.Reference == reference, cancellationToken).ConfigureAwait(false))
        {
            return (PaymentResult.Duplicate($"A payment with the reference '{reference}' is already recorded: the same bank line is not imported twice."), []);
        }

        var payment = Payment.Receive(reference, customer.Id, new Money(request.Amount!.Value, customer.Currency), request.ReceivedOn!.Value,
            string.IsNullOrWhiteSpace(request.RemittanceInfo) ? null : request.RemittanceInfo.Trim(), recordedBy, clock.GetUtcNow());
        db.Add(payment);
        var exposure = await ExposureAsync(db, customer.Id, cancellationToken).ConfigureAwait(false);
        var open = await db.Set<Invoice>()
            .Where(i => i.CustomerId == customer.Id && i.Currency == payment.Currency && i.SettledOn == null)
            .OrderBy(i => i.DueDate).ThenBy(i => i.Number)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var settled = await ApplyAsync(db, lateSettlement, payment, exposure, PaymentAllocator.InvoicesFor(payment.Amount, payment.RemittanceInfo, open).Select(i => (i, decimal.MaxValue)), cancellationToken).ConfigureAwait(false);
        return (PaymentResult.Recorded(payment), settled);
    }

    /// <summary>
    /// Applies what it can of the payment to the invoice in the caller's unit of work (a workflow step, which cannot
    /// depend on this class: it talks to the runtime); returns the invoices settled.
    /// </summary>
    public static async Task<IReadOnlyList<Invoice>> ApplyInAsync(OrderToCashDbContext db, LateSettlement lateSettlement, Payment payment, Invoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var exposure = await ExposureAsync(db, payment.CustomerId, cancellationToken).ConfigureAwait(false);
        return await ApplyAsync(db, lateSettlement, payment, exposure, [(invoice, decimal.MaxValue)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A collector applies unapplied cash to an invoice of the same customer (all it can, or <paramref name="amount"/>).</summary>
    public async Task<Payment> ApplyAsync(Guid paymentId, string invoiceNumber, decimal? amount, CancellationToken cancellationToken)
    {
        var (payment, settled) = await LostRace.RetryAsync(_ => TryApplyAsync(paymentId, invoiceNumber, amount, cancellationToken), cancellationToken).ConfigureAwait(false);
        await AfterCommitAsync(settled, cancellationToken).ConfigureAwait(false);
        return payment;
    }

    private async Task<(Payment Payment, List<Invoice> Settled)> TryApplyAsync(Guid paymentId, string invoiceNumber, decimal? amount, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var payment = await db.Set<Payment>().FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Payment '{paymentId}' was not found.");
        var exposure = await ExposureAsync(db, payment.CustomerId, cancellationToken).ConfigureAwait(false);
        var invoice = await db.Set<Invoice>().FirstOrDefaultAsync(i => i.Number == invoiceNumber, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Invoice '{invoiceNumber}' was not found.");
        if (invoice.CustomerId != payment.CustomerId)
        {
            throw new LedgerException($"Payment {payment.Reference} is from customer {payment.CustomerId}; invoice {invoice.Number} is customer {invoice.CustomerId}'s: cash is applied only within one account.");
        }

        if (amount is { } chosen && (chosen <= 0m || chosen > payment.UnappliedAmount || decimal.Round(chosen, 2) != chosen))
        {
            throw new LedgerException($"Cannot apply {new Money(chosen, payment.Currency)} of payment {payment.Reference}: give an amount in cents, above zero and at most its unapplied {payment.Unapplied}.");
        }

        if (payment.UnappliedAmount == 0m)
        {
            throw new LedgerException($"Payment {payment.Reference} is fully applied: nothing is left to apply.");
        }

        if (invoice.IsSettled || (amount is { } wanted && wanted > invoice.OpenAmount))
        {
            throw new LedgerException($"Invoice {invoice.Number} has {invoice.Open} open: {(amount is { } a ? new Money(a, payment.Currency).ToString() : "the payment")} cannot be applied to it.");
        }

        var settled = await ApplyAsync(db, lateSettlement, payment, exposure, [(invoice, amount ?? decimal.MaxValue)], cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (payment, settled);
    }

    /// <summary>
    /// The customer's exposure, read BEFORE its invoices: on a database that reads committed rows (PostgreSQL), an
    /// exposure read after the invoices could already include a concurrent payment of an invoice still read as open,
    /// and reducing it again would break its invariant instead of losing the race. Read first, it is at worst older
    /// than the invoices, and its version makes the save fail and the unit of work run again on fresh data.
    /// </summary>
    private static Task<CreditExposure?> ExposureAsync(OrderToCashDbContext db, string customerId, CancellationToken cancellationToken) =>
        db.Set<CreditExposure>().SingleOrDefaultAsync(e => e.CustomerId == customerId, cancellationToken);

    /// <summary>Applies the payment to the invoices in order; returns those it settled (late charges applied).</summary>
    private static async Task<List<Invoice>> ApplyAsync(OrderToCashDbContext db, LateSettlement lateSettlement, Payment payment, CreditExposure? exposure, IEnumerable<(Invoice Invoice, decimal Maximum)> targets, CancellationToken cancellationToken)
    {
        var settled = new List<Invoice>();
        foreach (var (invoice, maximum) in targets)
        {
            if (payment.ApplyTo(invoice, maximum) is not { } allocation)
            {
                continue;
            }

            db.Add(allocation);
            exposure = exposure ?? throw new InvalidOperationException($"Customer {payment.CustomerId} has invoices but no credit exposure row.");
            exposure.ReceivableReduced(new Money(allocation.Amount, payment.Currency));
            if (invoice.IsSettled)
            {
                var earlier = await db.Set<PaymentAllocation>().AsNoTracking().Where(a => a.InvoiceId == invoice.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
                await lateSettlement.ChargeIfLateAsync(db, invoice, [.. earlier, allocation], cancellationToken).ConfigureAwait(false);
                settled.Add(invoice);
            }
        }

        return settled;
    }

    private static Dictionary<string, string[]> Shape(ReceivedPayment request, DateOnly today)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Reference) || request.Reference.Trim().Length > 64)
        {
            problems["reference"] = ["The bank reference is required (at most 64 characters): it is what makes a second import of the same line a duplicate."];
        }

        if (string.IsNullOrWhiteSpace(request.CustomerId))
        {
            problems["customerId"] = ["The paying customer is required."];
        }

        if (Money.AmountProblem(request.Amount, "A payment") is { } amountProblem)
        {
            problems["amount"] = [amountProblem];
        }

        if (request.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            problems["currency"] = [$"'{request.Currency}' is not an ISO 4217 currency code (three capital letters, e.g. EUR)."];
        }

        if (request.ReceivedOn is not { } on)
        {
            problems["receivedOn"] = ["The date the money was received is required (yyyy-MM-dd)."];
        }
        else if (on > today)
        {
            problems["receivedOn"] = [$"{on:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}): record a payment once received."];
        }

        return problems;
    }
}

/// <summary>A payment as the bank or the collector reports it (POST /api/payments).</summary>
public sealed record ReceivedPayment(string? Reference, string? CustomerId, decimal? Amount, string? Currency, DateOnly? ReceivedOn, string? RemittanceInfo);

/// <summary>The recorded payment, or the problems by field, or a duplicate reference (nothing written in either case).</summary>
public sealed record PaymentResult(Payment? Payment, IReadOnlyDictionary<string, string[]>? Problems, string? DuplicateReason)
{
    public static PaymentResult Recorded(Payment payment) => new(payment, null, null);

    public static PaymentResult Invalid(Dictionary<string, string[]> problems) => new(null, problems, null);

    public static PaymentResult Duplicate(string reason) => new(null, null, reason);
}
