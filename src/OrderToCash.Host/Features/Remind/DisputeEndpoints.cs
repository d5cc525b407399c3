using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Host.Features.Customers;

namespace OrderToCash.Host.Features.Remind;

/// <summary>
/// Raising a dispute on an invoice (collections, sales administration, the salesperson for its customers, the customer
/// for its own invoices) and reading disputes in the caller's scope. The owner resolves it through its task (GET /api/tasks).
/// </summary>
internal static class DisputeEndpoints
{
    public static void MapDisputes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/invoices/{number}/disputes", RaiseAsync).WithTags("Disputes")
            .RequireAuthorization(p => p.RequireRole(Roles.Collector, Roles.SalesAdministration, Roles.Salesperson, Roles.Customer))
            .WithSummary("Raise a dispute on an invoice with a reason code; it is routed to the department that owns the reason")
            .Produces<DisputeView>(StatusCodes.Status201Created).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        var disputes = endpoints.MapGroup("/api/disputes").WithTags("Disputes");
        disputes.MapGet("/", ListAsync).RequireAuthorization(p => p.RequireRole(CustomerScope.ReaderRoles))
            .WithSummary("List the disputes the caller sees").Produces<IEnumerable<DisputeView>>();
        disputes.MapGet("/{number}", GetAsync).RequireAuthorization(p => p.RequireRole(CustomerScope.ReaderRoles))
            .WithSummary("Read a dispute: reason, routing, SLA and outcome").Produces<DisputeView>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> RaiseAsync(
        string number, NewDispute body, ClaimsPrincipal user, OrderToCashDbContext db, DisputeWorkflowStarter workflows, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!workflows.IsAvailable)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: $"The '{DisputeWorkflow.ProcessId}' workflow that routes disputes is not published: a process owner must publish workflows/dispute.bpmn first. Nothing was recorded.");
        }

        var source = VisibleInvoices.IsCustomerOnly(user) ? DisputeSource.Portal : DisputeSource.Internal;
        for (var attempt = 1; ; attempt++)
        {
            var invoice = await VisibleInvoices.FindAsync(db, user, number, cancellationToken).ConfigureAwait(false);
            var problems = await DisputeIntake.CheckAsync(db, invoice, body, cancellationToken).ConfigureAwait(false);
            if (problems.Count > 0)
            {
                return VisibleInvoices.Invalid("The dispute was not recorded", problems);
            }

            var dispute = await DisputeIntake.AddAsync(db, invoice, body, source, null, user.Identity!.Name!, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < LostRace.MaxAttempts && LostRace.IsLostRace(ex))
            {
                // Another raise took the series' next number (or created the series) or changed the invoice: check again
                // on fresh data.
                db.ChangeTracker.Clear();
                await LostRace.PauseAsync(attempt, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await workflows.StartAsync(dispute, body.TransportDamage ?? false, body.DealNotEntered ?? false, cancellationToken).ConfigureAwait(false);
            var saved = await db.Set<Dispute>().AsNoTracking().SingleAsync(d => d.Id == dispute.Id, cancellationToken).ConfigureAwait(false);
            return Results.Created($"/api/disputes/{saved.Number}", DisputeView.For(saved, user));
        }
    }

    private static async Task<IResult> ListAsync(DisputeStatus? status, string? invoice, ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var query = Visible(db, user);
        if (status is { } wanted)
        {
            query = query.Where(d => d.Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(invoice))
        {
            query = query.Where(d => d.InvoiceNumber == invoice);
        }

        var disputes = await query.OrderByDescending(d => d.RaisedAt).ThenByDescending(d => d.Number).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(disputes.Select(d => DisputeView.For(d, user)));
    }

    private static async Task<IResult> GetAsync(string number, ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var dispute = await Visible(db, user).FirstOrDefaultAsync(d => d.Number == number, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Dispute '{number}' was not found.");
        return Results.Ok(DisputeView.For(dispute, user));
    }

    private static IQueryable<Dispute> Visible(OrderToCashDbContext db, ClaimsPrincipal user)
    {
        var customers = VisibleInvoices.CustomerIds(db, user);
        return db.Set<Dispute>().AsNoTracking().Where(d => customers.Contains(d.CustomerId));
    }
}
