using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Dunning;

/// <param name="Amount">What the customer commits to pay, in the invoice's currency.</param>
/// <param name="PromisedFor">The date the customer commits to.</param>
/// <param name="ToleranceDays">Days of grace before the promise is judged (bank delays); 3 when not given.</param>
public sealed record NewPromise(decimal? Amount, DateOnly? PromisedFor, int? ToleranceDays);

/// <summary>
/// Records a promise to pay on an invoice after checking it (positive, at most what is open, a date not in the past, an
/// unsettled invoice, one pending promise at a time). The dunning workflow is told afterwards (DunningReplan): it pauses
/// the ladder until the promise's check date.
/// </summary>
public static class PromiseIntake
{
    public const int DefaultToleranceDays = 3;
    public const int MaxToleranceDays = 30;

    /// <param name="db">The context the promise is saved in.</param>
    /// <param name="invoice">The invoice promised (tracked).</param>
    /// <param name="request">What the customer promised.</param>
    /// <param name="by">Who records it.</param>
    /// <param name="now">The injected clock's instant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="alongside">Adds rows that must be saved in the same transaction as the promise (the contact it was given in).</param>
    public static async Task<(PromiseToPay? Promise, Dictionary<string, string[]> Problems)> RecordAsync(
        OrderToCashDbContext db, Invoice invoice, NewPromise request, string by, DateTimeOffset now, CancellationToken cancellationToken, Action<PromiseToPay>? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(request);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var tolerance = request.ToleranceDays ?? DefaultToleranceDays;
        if (invoice.IsSettled)
        {
            problems["invoice"] = [$"Invoice {invoice.Number} is settled: there is nothing left to promise."];
        }
        else if (request.Amount is not { } amount || amount <= 0m)
        {
            problems["amount"] = [$"The promised amount must be positive (got {request.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"})."];
        }
        else if (amount > invoice.OpenAmount)
        {
            problems["amount"] = [$"The promised amount {new Money(amount, invoice.Currency)} exceeds what is open on {invoice.Number} ({invoice.Open})."];
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            problems["amount"] = ["The promised amount has more than two decimals."];
        }

        if (request.PromisedFor is not { } date)
        {
            problems["promisedFor"] = ["The promised date is required (yyyy-MM-dd)."];
        }
        else if (date < today)
        {
            problems["promisedFor"] = [$"The promised date {date:yyyy-MM-dd} is in the past (today is {today:yyyy-MM-dd})."];
        }
        else if (date > today.AddYears(1))
        {
            problems["promisedFor"] = [$"The promised date {date:yyyy-MM-dd} is more than a year away: agree a payment plan with the credit manager instead."];
        }

        if (tolerance is < 0 or > MaxToleranceDays)
        {
            problems["toleranceDays"] = [$"The tolerance must be between 0 and {MaxToleranceDays} days (got {tolerance})."];
        }

        if (problems.Count == 0 && await db.Set<PromiseToPay>().AnyAsync(p => p.InvoiceId == invoice.Id && p.Status == PromiseStatus.Pending, cancellationToken).ConfigureAwait(false))
        {
            problems["invoice"] = [$"Invoice {invoice.Number} already has a pending promise to pay: it is judged on its date before another is taken."];
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var promise = new PromiseToPay
        {
            InvoiceId = invoice.Id,
            InvoiceNumber = invoice.Number,
            CustomerId = invoice.CustomerId,
            Currency = invoice.Currency,
            Amount = request.Amount!.Value,
            PromisedFor = request.PromisedFor!.Value,
            ToleranceDays = tolerance,
            PaidBefore = invoice.PaidAmount,
            RecordedBy = by,
            RecordedAt = now,
            InstanceId = invoice.DunningInstanceId,
        };
        db.Add(promise);
        alongside?.Invoke(promise);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            db.Entry(promise).State = EntityState.Detached;
            // A concurrent request recorded a promise first (the filtered unique index refused this one).
            if (!await db.Set<PromiseToPay>().AsNoTracking().AnyAsync(p => p.InvoiceId == invoice.Id && p.Status == PromiseStatus.Pending, CancellationToken.None).ConfigureAwait(false))
            {
                throw;
            }

            problems["invoice"] = [$"Invoice {invoice.Number} already has a pending promise to pay: it is judged on its date before another is taken."];
            return (null, problems);
        }

        return (promise, problems);
    }
}
