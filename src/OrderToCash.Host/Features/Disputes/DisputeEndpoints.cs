using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Host.Features.Customers;
using OrderToCash.Host.Features.Invoicing;

namespace OrderToCash.Host.Features.Disputes;

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

    private static async Task<IResult> RaiseAsync(string number, NewDispute body, ClaimsPrincipal user, DisputeRaising disputes, CancellationToken cancellationToken)
    {
        var source = VisibleInvoices.IsCustomerOnly(user) ? DisputeSource.Portal : DisputeSource.Internal;
        var raised = await disputes.RaiseAsync((db, ct) => VisibleInvoices.FindAsync(db, user, number, ct), body, source, user.Identity!.Name!, cancellationToken).ConfigureAwait(false);
        if (raised.WorkflowMissing)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: $"The '{DisputeWorkflow.ProcessId}' workflow that routes disputes is not published: a process owner must publish workflows/dispute.bpmn first. Nothing was recorded.");
        }

        return raised.Dispute is { } dispute
            ? Results.Created($"/api/disputes/{dispute.Number}", DisputeView.For(dispute, user))
            : VisibleInvoices.Invalid("The dispute was not recorded", raised.Problems);
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
