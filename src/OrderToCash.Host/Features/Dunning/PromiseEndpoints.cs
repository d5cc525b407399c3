using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Processes;
using OrderToCash.Engine.Durable;
using OrderToCash.Host.Features.Invoicing;

namespace OrderToCash.Host.Features.Dunning;

/// <summary>Promises to pay: a collector records one (or the customer on the portal, for its own invoices); it pauses the ladder.</summary>
internal static class PromiseEndpoints
{
    public static void MapPromises(this IEndpointRouteBuilder endpoints)
    {
        var promises = endpoints.MapGroup("/api/invoices/{number}/promises").WithTags("Promises to pay");
        promises.MapPost("/", RecordAsync).RequireAuthorization(p => p.RequireRole(Roles.Collector, Roles.Customer))
            .WithSummary("Record a promise to pay an invoice by a date (collector or the customer itself); checked on that date")
            .Produces<PromiseView>(StatusCodes.Status201Created).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);
        promises.MapGet("/", ListAsync).RequireAuthorization(p => p.RequireRole(Customers.CustomerScope.ReaderRoles))
            .WithSummary("The promises to pay recorded for an invoice, kept or broken").Produces<IEnumerable<PromiseView>>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> RecordAsync(
        string number, NewPromise body, ClaimsPrincipal user, OrderToCashDbContext db, DurableWorkflowRuntime runtime, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invoice = await VisibleInvoices.FindAsync(db, user, number, cancellationToken).ConfigureAwait(false);
        var (promise, problems) = await PromiseIntake.RecordAsync(db, invoice, body, user.Identity!.Name!, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (promise is null)
        {
            return VisibleInvoices.Invalid("The promise was not recorded", problems);
        }

        // After the commit: the dunning workflow pauses the ladder until the promise's check date.
        await runtime.CorrelateAsync(new IncomingMessage(CycleMessages.DunningReplan, invoice.Number, $"promise-recorded:{promise.Id}"), cancellationToken).ConfigureAwait(false);
        return Results.Created($"/api/invoices/{invoice.Number}/promises", View(promise));
    }

    private static async Task<IResult> ListAsync(string number, ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var invoice = await VisibleInvoices.FindAsync(db, user, number, cancellationToken).ConfigureAwait(false);
        var promises = await db.Set<PromiseToPay>().AsNoTracking().Where(p => p.InvoiceId == invoice.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(promises.OrderBy(p => p.RecordedAt).Select(View));
    }

    private static PromiseView View(PromiseToPay p) =>
        new(p.Id, p.InvoiceNumber, p.CustomerId, p.Amount, p.Currency, p.PromisedFor, p.ToleranceDays, p.CheckDate, p.Status, p.CheckedOn, p.PaidToward, p.RecordedBy, p.RecordedAt);

    internal sealed record PromiseView(Guid Id, string InvoiceNumber, string CustomerId, decimal Amount, string Currency, DateOnly PromisedFor, int ToleranceDays,
        DateOnly CheckDate, PromiseStatus Status, DateOnly? CheckedOn, decimal PaidToward, string RecordedBy, DateTimeOffset RecordedAt);
}
