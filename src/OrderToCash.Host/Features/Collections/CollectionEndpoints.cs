using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Collections;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Invoicing;
using OrderToCash.Host.Features.Customers;

namespace OrderToCash.Host.Features.Collections;

/// <summary>
/// The collector's worklist and agenda (promises due today and broken, disputes blocking amounts) and one account's
/// open items with their next ladder step. For collectors; a salesperson reads the same for their own customers.
/// </summary>
internal static class CollectionEndpoints
{
    public static readonly string[] ReaderRoles = [Roles.Collector, Roles.Salesperson];

    /// <summary>How many rows each list of the agenda shows (the worklist pages; the agenda is today's short list).</summary>
    public const int AgendaLength = 50;

    public static void MapCollections(this IEndpointRouteBuilder endpoints)
    {
        var collections = endpoints.MapGroup("/api/collections").WithTags("Collections")
            .RequireAuthorization(policy => policy.RequireRole(ReaderRoles));
        collections.MapGet("/worklist", WorklistAsync)
            .WithSummary("The accounts to chase, ranked by risk (overdue amount × days late × risk class), paged and sorted on the server")
            .Produces<WorklistPage>().ProducesValidationProblem(StatusCodes.Status400BadRequest);
        collections.MapGet("/agenda", AgendaAsync)
            .WithSummary("Today's agenda: promises to pay due today, promises broken in the last 30 days, open disputes blocking amounts, next actions due")
            .Produces<CollectionAgenda>();
        collections.MapGet("/accounts/{customerId}", AccountAsync)
            .WithSummary("One account: its open invoices with the next step of the reminder ladder and its date, its promises and open disputes")
            .Produces<CollectionAccount>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> WorklistAsync(
        string? page, string? pageSize, string? sort, string? direction, string? search, string? overdueOnly, ClaimsPrincipal user, CollectionWorklist worklist, CancellationToken cancellationToken)
    {
        var (query, problems) = WorklistParameters.Read(page, pageSize, sort, direction, search, overdueOnly);
        if (query is null)
        {
            return Results.ValidationProblem(problems, title: "The worklist query is invalid: " + string.Join(" ", problems.Values.SelectMany(m => m)));
        }

        return Results.Ok(await worklist.ReadAsync(db => db.Set<Customer>().AsNoTracking().VisibleTo(user), query, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IResult> AgendaAsync(ClaimsPrincipal user, OrderToCashDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var brokenSince = today.AddDays(-CollectionWorklist.BrokenPromiseDays);
        var customers = db.Set<Customer>().AsNoTracking().VisibleTo(user);
        var ids = customers.Select(c => c.Id);
        var names = customers.Select(c => new { c.Id, c.LegalName });
        var dueToday = await PromisesAsync(db, ids, p => p.Status == PromiseStatus.Pending && p.PromisedFor <= today, cancellationToken).ConfigureAwait(false);
        var broken = await PromisesAsync(db, ids, p => p.Status == PromiseStatus.Broken && p.CheckedOn >= brokenSince, cancellationToken).ConfigureAwait(false);
        var disputes = await db.Set<Dispute>().AsNoTracking()
            .Where(d => d.Status == DisputeStatus.Open && ids.Contains(d.CustomerId))
            .OrderBy(d => d.RaisedAt).Take(AgendaLength)
            .Select(d => new AgendaDispute(d.Number, d.InvoiceNumber, d.CustomerId, d.Amount, d.Currency, d.ReasonCode, d.Department, d.RaisedAt, d.SlaDueAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var actions = await db.Set<ContactLogEntry>().AsNoTracking()
            .Where(e => e.NextActionOn != null && e.NextActionOn <= today && ids.Contains(e.CustomerId))
            .Where(e => !db.Set<ContactLogEntry>().Any(later => later.CustomerId == e.CustomerId && later.RecordedAt > e.RecordedAt))
            .OrderBy(e => e.NextActionOn).Take(AgendaLength)
            .Select(e => new AgendaAction(e.CustomerId, e.NextAction!, e.NextActionOn!.Value, e.RecordedBy))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var named = await names.Where(c => dueToday.Select(p => p.CustomerId).Concat(broken.Select(p => p.CustomerId)).Concat(disputes.Select(d => d.CustomerId)).Concat(actions.Select(a => a.CustomerId)).Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.LegalName, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new CollectionAgenda(today, dueToday, broken, disputes, actions, named));
    }

    private static Task<List<AgendaPromise>> PromisesAsync(OrderToCashDbContext db, IQueryable<string> ids, System.Linq.Expressions.Expression<Func<PromiseToPay, bool>> which, CancellationToken cancellationToken) =>
        db.Set<PromiseToPay>().AsNoTracking().Where(which).Where(p => ids.Contains(p.CustomerId))
            .OrderBy(p => p.PromisedFor).Take(AgendaLength)
            .Select(p => new AgendaPromise(p.Id, p.InvoiceNumber, p.CustomerId, p.Amount, p.Currency, p.PromisedFor, p.Status, p.CheckedOn, p.PaidToward, p.RecordedBy))
            .ToListAsync(cancellationToken);

    private static async Task<IResult> AccountAsync(string customerId, ClaimsPrincipal user, OrderToCashDbContext db, CollectionWorklist worklist, TimeProvider clock, CancellationToken cancellationToken)
    {
        var customer = await db.Set<Customer>().AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Customer '{customerId}' was not found.");
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var invoices = await db.Set<Invoice>().AsNoTracking().Where(i => i.CustomerId == customerId && i.SettledOn == null).OrderBy(i => i.DueDate).ToListAsync(cancellationToken).ConfigureAwait(false);
        var promises = await db.Set<PromiseToPay>().AsNoTracking().Where(p => p.CustomerId == customerId).OrderByDescending(p => p.RecordedAt).Take(AgendaLength)
            .Select(p => new AgendaPromise(p.Id, p.InvoiceNumber, p.CustomerId, p.Amount, p.Currency, p.PromisedFor, p.Status, p.CheckedOn, p.PaidToward, p.RecordedBy))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<AccountInvoice>(invoices.Count);
        foreach (var i in invoices)
        {
            var pending = promises.Any(p => p.InvoiceNumber == i.Number && p.Status == PromiseStatus.Pending);
            items.Add(new AccountInvoice(
                i.Number, i.IssueDate, i.DueDate, i.GrossAmount, i.OpenAmount, i.DisputedAmount, i.Currency, Math.Max(0, today.DayNumber - i.DueDate.DayNumber), i.ReminderLevel,
                pending, await worklist.NextStepAsync(db, i, pending, today, now, cancellationToken).ConfigureAwait(false)));
        }

        var disputes = await db.Set<Dispute>().AsNoTracking().Where(d => d.CustomerId == customerId && d.Status == DisputeStatus.Open).OrderBy(d => d.RaisedAt)
            .Select(d => new AgendaDispute(d.Number, d.InvoiceNumber, d.CustomerId, d.Amount, d.Currency, d.ReasonCode, d.Department, d.RaisedAt, d.SlaDueAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(new CollectionAccount(customer.Id, customer.LegalName, customer.RiskClass, customer.Salesperson, customer.PaymentTerms.ToString(),
            customer.Contacts.Select(c => new AccountContact(c.Name, c.Email, c.Role.ToString())).ToList(), items, promises, disputes));
    }
}

internal sealed record AgendaPromise(Guid Id, string InvoiceNumber, string CustomerId, decimal Amount, string Currency, DateOnly PromisedFor, PromiseStatus Status, DateOnly? CheckedOn, decimal PaidToward, string RecordedBy);

internal sealed record AgendaDispute(string Number, string InvoiceNumber, string CustomerId, decimal Amount, string Currency, string ReasonCode, string? Department, DateTimeOffset RaisedAt, DateTimeOffset? SlaDueAt);

internal sealed record AgendaAction(string CustomerId, string NextAction, DateOnly On, string RecordedBy);

/// <param name="Today">The day the agenda is for.</param>
/// <param name="PromisesDue">Pending promises whose date is today or passed (judged after their tolerance).</param>
/// <param name="PromisesBroken">Promises judged broken in the last 30 days.</param>
/// <param name="Disputes">Open disputes: their amounts are not reminded until resolved.</param>
/// <param name="NextActions">Next actions of the contact log due today or before.</param>
/// <param name="CustomerNames">The legal name of each customer named above.</param>
internal sealed record CollectionAgenda(
    DateOnly Today, List<AgendaPromise> PromisesDue, List<AgendaPromise> PromisesBroken, List<AgendaDispute> Disputes, List<AgendaAction> NextActions, Dictionary<string, string> CustomerNames);

internal sealed record AccountInvoice(
    string Number, DateOnly IssueDate, DateOnly DueDate, decimal GrossAmount, decimal OpenAmount, decimal DisputedAmount, string Currency, int DaysLate, int ReminderLevel, bool PromisePending, NextLadderStep? NextStep);

internal sealed record AccountContact(string Name, string Email, string Role);

internal sealed record CollectionAccount(
    string CustomerId, string LegalName, string RiskClass, string Salesperson, string PaymentTerms, List<AccountContact> Contacts, List<AccountInvoice> Invoices, List<AgendaPromise> Promises, List<AgendaDispute> Disputes);
