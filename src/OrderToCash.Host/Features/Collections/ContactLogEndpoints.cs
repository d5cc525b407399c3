using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Collections;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Processes;
using OrderToCash.Engine.Durable;
using OrderToCash.Host.Features.Customers;
using OrderToCash.Host.Features.Invoicing;

namespace OrderToCash.Host.Features.Collections;

/// <summary>
/// A customer's contact log, shared by its collectors and its salesperson: read it (newest first, paged) and record a
/// call, an e-mail or a note with its outcome and next action. A collector records a promise to pay with the call, in
/// the same transaction; the dunning workflow then pauses the ladder until the promise's check date.
/// </summary>
internal static class ContactLogEndpoints
{
    public const int DefaultPageSize = 20;

    public static void MapContactLog(this IEndpointRouteBuilder endpoints)
    {
        var log = endpoints.MapGroup("/api/customers/{customerId}/contacts").WithTags("Collections")
            .RequireAuthorization(policy => policy.RequireRole(CollectionEndpoints.ReaderRoles));
        log.MapGet("/", ListAsync)
            .WithSummary("The customer's contact log, newest first (page, pageSize)")
            .Produces<ContactLogPage>().ProducesValidationProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        log.MapPost("/", RecordAsync)
            .WithSummary("Record a call, e-mail or note {kind, outcome, contactName, note, invoiceNumber, nextAction, nextActionOn, promise?}; with outcome PromiseToPay (collectors) the promise is recorded with it")
            .Produces<ContactLogEntry>(StatusCodes.Status201Created).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(string customerId, string? page, string? pageSize, ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var number = WorklistParameters.Number(page, 1, int.MaxValue, 1, "page", problems);
        var size = WorklistParameters.Number(pageSize, 1, WorklistParameters.MaxPageSize, DefaultPageSize, "pageSize", problems);
        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems, title: "The contact log query is invalid: " + string.Join(" ", problems.Values.SelectMany(m => m)));
        }

        await EnsureVisibleAsync(db, user, customerId, cancellationToken).ConfigureAwait(false);
        var entries = db.Set<ContactLogEntry>().AsNoTracking().Where(e => e.CustomerId == customerId);
        var total = await entries.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await entries.OrderByDescending(e => e.RecordedAt).ThenBy(e => e.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(new ContactLogPage(number, size, total, rows));
    }

    private static async Task<IResult> RecordAsync(
        string customerId, NewContact body, ClaimsPrincipal user, OrderToCashDbContext db, DurableWorkflowRuntime runtime, TimeProvider clock, CancellationToken cancellationToken)
    {
        await EnsureVisibleAsync(db, user, customerId, cancellationToken).ConfigureAwait(false);
        if ((body.Promise is not null || body.Outcome == nameof(ContactOutcome.PromiseToPay)) && !user.IsInRole(Roles.Collector))
        {
            return Results.Problem(title: "Only a collector records a promise to pay; log the call with another outcome and the collector takes it from there.", statusCode: StatusCodes.Status403Forbidden);
        }

        var (entry, promise, problems) = await ContactLog.RecordAsync(db, customerId, body, user.Identity!.Name!, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return VisibleInvoices.Invalid("The contact was not recorded", problems);
        }

        if (promise is not null)
        {
            // After the commit, as for a promise recorded alone: the dunning workflow pauses the ladder until its check date.
            await runtime.CorrelateAsync(new IncomingMessage(CycleMessages.DunningReplan, promise.InvoiceNumber, $"promise-recorded:{promise.Id}"), cancellationToken).ConfigureAwait(false);
        }

        return Results.Created($"/api/customers/{customerId}/contacts", entry);
    }

    private static async Task EnsureVisibleAsync(OrderToCashDbContext db, ClaimsPrincipal user, string customerId, CancellationToken cancellationToken)
    {
        if (!await db.Set<Customer>().VisibleTo(user).AnyAsync(c => c.Id == customerId, cancellationToken).ConfigureAwait(false))
        {
            // The same answer for "does not exist" and "not yours".
            throw new KeyNotFoundException($"Customer '{customerId}' was not found.");
        }
    }
}

internal sealed record ContactLogPage(int Page, int PageSize, int Total, List<ContactLogEntry> Entries);
