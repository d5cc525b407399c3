using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Collections;

/// <param name="Kind">Call, Email or Note.</param>
/// <param name="Outcome">What came of it (<see cref="ContactOutcome"/>).</param>
/// <param name="ContactName">Who was reached.</param>
/// <param name="Note">What was said or written.</param>
/// <param name="InvoiceNumber">The invoice it was about (required with a promise).</param>
/// <param name="NextAction">What to do next.</param>
/// <param name="NextActionOn">When (with <paramref name="NextAction"/>).</param>
/// <param name="Promise">The promise to pay given in the contact (outcome PromiseToPay).</param>
public sealed record NewContact(
    string? Kind, string? Outcome, string? ContactName, string? Note, string? InvoiceNumber, string? NextAction, DateOnly? NextActionOn, NewPromise? Promise);

/// <summary>
/// Records a contact in a customer's log after checking it, each problem under its field's name, nothing written when
/// one is found. A contact whose outcome is a promise to pay records the promise (<see cref="PromiseIntake"/>) in the
/// same transaction: both or neither. The caller tells the dunning workflow afterwards (DunningReplan).
/// </summary>
public static class ContactLog
{
    public const int MaxNoteLength = 2_000;
    public const int MaxNameLength = 200;
    public const int MaxNextActionLength = 200;

    public static async Task<(ContactLogEntry? Entry, PromiseToPay? Promise, Dictionary<string, string[]> Problems)> RecordAsync(
        OrderToCashDbContext db, string customerId, NewContact request, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = Parse<ContactKind>(request.Kind, "kind", problems);
        var outcome = Parse<ContactOutcome>(request.Outcome, "outcome", problems);
        Length(request.ContactName, MaxNameLength, "contactName", problems);
        Length(request.Note, MaxNoteLength, "note", problems);
        Length(request.NextAction, MaxNextActionLength, "nextAction", problems);
        if (string.IsNullOrWhiteSpace(request.NextAction) != (request.NextActionOn is null))
        {
            problems[request.NextActionOn is null ? "nextActionOn" : "nextAction"] = ["A next action needs both what to do and the date to do it (yyyy-MM-dd)."];
        }
        else if (request.NextActionOn is { } on && (on < today || on > today.AddYears(1)))
        {
            problems["nextActionOn"] = [$"The next action's date {on:yyyy-MM-dd} must be between today ({today:yyyy-MM-dd}) and a year from now."];
        }

        Invoice? invoice = null;
        if (!string.IsNullOrWhiteSpace(request.InvoiceNumber))
        {
            invoice = await db.Set<Invoice>().FirstOrDefaultAsync(i => i.Number == request.InvoiceNumber && i.CustomerId == customerId, cancellationToken).ConfigureAwait(false);
            if (invoice is null)
            {
                problems["invoiceNumber"] = [$"Invoice '{request.InvoiceNumber}' is not an invoice of customer {customerId}."];
            }
        }

        if (outcome == ContactOutcome.PromiseToPay && request.Promise is null)
        {
            problems["promise"] = ["The outcome PromiseToPay needs the promise: its amount and date (promise.amount, promise.promisedFor)."];
        }
        else if (outcome == ContactOutcome.PromiseToPay && string.IsNullOrWhiteSpace(request.InvoiceNumber))
        {
            problems["invoiceNumber"] = ["A promise to pay is given on an invoice: name it (invoiceNumber)."];
        }
        else if (outcome is not null && outcome != ContactOutcome.PromiseToPay && request.Promise is not null)
        {
            problems["promise"] = [$"A promise is recorded only with the outcome PromiseToPay (got {outcome})."];
        }

        if (problems.Count > 0)
        {
            return (null, null, problems);
        }

        ContactLogEntry Entry(Guid? promiseId) => new()
        {
            CustomerId = customerId,
            Kind = kind!.Value,
            Outcome = outcome!.Value,
            ContactName = Trimmed(request.ContactName),
            Note = Trimmed(request.Note),
            InvoiceNumber = invoice?.Number,
            NextAction = Trimmed(request.NextAction),
            NextActionOn = request.NextActionOn,
            PromiseId = promiseId,
            RecordedBy = by,
            RecordedAt = now,
        };

        if (request.Promise is null)
        {
            var entry = Entry(null);
            db.Add(entry);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return (entry, null, problems);
        }

        ContactLogEntry? saved = null;
        var (promise, promiseProblems) = await PromiseIntake.RecordAsync(db, invoice!, request.Promise, by, now, cancellationToken, p => db.Add(saved = Entry(p.Id))).ConfigureAwait(false);
        if (promise is null)
        {
            if (saved is not null)
            {
                db.Entry(saved).State = EntityState.Detached;
            }

            // The promise's own checks name their field inside the promise.
            return (null, null, promiseProblems.ToDictionary(p => p.Key == "invoice" ? "invoiceNumber" : "promise." + p.Key, p => p.Value, StringComparer.Ordinal));
        }

        return (saved, promise, problems);
    }

    private static T? Parse<T>(string? value, string field, Dictionary<string, string[]> problems)
        where T : struct, Enum
    {
        if (!string.IsNullOrWhiteSpace(value) && Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        problems[field] = [string.Create(CultureInfo.InvariantCulture, $"'{value}' is not a {field}: one of {string.Join(", ", Enum.GetNames<T>())}.")];
        return null;
    }

    private static void Length(string? value, int max, string field, Dictionary<string, string[]> problems)
    {
        if (value is not null && value.Length > max)
        {
            problems[field] = [string.Create(CultureInfo.InvariantCulture, $"The {field} has {value.Length} characters; at most {max}.")];
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
