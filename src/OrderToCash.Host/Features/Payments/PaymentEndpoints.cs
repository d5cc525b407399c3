using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Payments;
using OrderToCash.Host.Features.Customers;

namespace OrderToCash.Host.Features.Payments;

/// <summary>Cash application by collectors: record a received payment (matched automatically), apply unapplied cash, list payments in scope.</summary>
internal static class PaymentEndpoints
{
    public static void MapPayments(this IEndpointRouteBuilder endpoints)
    {
        var payments = endpoints.MapGroup("/api/payments").WithTags("Payments");
        payments.MapPost("/", ReceiveAsync).RequireAuthorization(p => p.RequireRole(Roles.Collector))
            .WithSummary("Record a received payment; it is matched to open invoices by remittance text, else amount")
            .Produces<PaymentView>(StatusCodes.Status201Created).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        payments.MapPost("/{id:guid}/apply", ApplyAsync).RequireAuthorization(p => p.RequireRole(Roles.Collector))
            .WithSummary("Apply unapplied cash to an invoice of the same customer").Produces<PaymentView>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        payments.MapGet("/", ListAsync).RequireAuthorization(p => p.RequireRole(CustomerScope.ReaderRoles))
            .WithSummary("List the payments the caller sees with their allocations (unapplied only on request)").Produces<IEnumerable<PaymentView>>();
    }

    private static async Task<IResult> ReceiveAsync(ReceivedPayment body, ClaimsPrincipal user, CashApplication cash, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var result = await cash.ReceiveAsync(body, user.Identity!.Name!, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            { Payment: { } payment } => Results.Created($"/api/payments/{payment.Id}", await ViewAsync(db, payment, cancellationToken).ConfigureAwait(false)),
            { Problems: { } problems } => Results.ValidationProblem(problems.ToDictionary(),
                title: "The payment was not recorded: " + string.Join(" ", problems.Values.SelectMany(m => m)), statusCode: StatusCodes.Status422UnprocessableEntity),
            _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: result.DuplicateReason),
        };
    }

    private static async Task<IResult> ApplyAsync(Guid id, ApplyRequest body, CashApplication cash, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.InvoiceNumber))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["invoiceNumber"] = ["The invoice to apply the cash to is required."] },
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        var payment = await cash.ApplyAsync(id, body.InvoiceNumber, body.Amount, cancellationToken).ConfigureAwait(false);
        return Results.Ok(await ViewAsync(db, payment, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IResult> ListAsync(string? customer, bool? unapplied, ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var customers = db.Set<Customer>().VisibleTo(user).Select(c => c.Id);
        var query = db.Set<Payment>().AsNoTracking().Where(p => customers.Contains(p.CustomerId));
        if (!string.IsNullOrWhiteSpace(customer))
        {
            query = query.Where(p => p.CustomerId == customer);
        }

        if (unapplied == true)
        {
            // Filtered before the page is cut, so old unapplied cash is never pushed out by newer payments. The double
            // cast runs natively on every provider (SQLite stores decimals as text) and is exact enough for "> 0" on cents.
            query = query.Where(p => (double)p.UnappliedAmount > 0.001);
        }

        var payments = await query.OrderByDescending(p => p.ReceivedOn).ThenByDescending(p => p.RecordedAt).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);

        var ids = payments.Select(p => p.Id).ToList();
        var allocations = (await Allocations(db, a => ids.Contains(a.PaymentId)).ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(a => a.PaymentId);
        return Results.Ok(payments.Select(p => View(p, [.. allocations[p.Id].Select(a => a.View)])));
    }

    private static async Task<PaymentView> ViewAsync(OrderToCashDbContext db, Payment payment, CancellationToken cancellationToken)
    {
        var allocations = await Allocations(db, a => a.PaymentId == payment.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return View(payment, [.. allocations.Select(a => a.View)]);
    }

    private static IQueryable<AllocationRow> Allocations(OrderToCashDbContext db, System.Linq.Expressions.Expression<Func<PaymentAllocation, bool>> which) =>
        db.Set<PaymentAllocation>().AsNoTracking().Where(which).OrderBy(a => a.Id)
            .Join(db.Set<Invoice>(), a => a.InvoiceId, i => i.Id, (a, i) => new AllocationRow(a.PaymentId, i.Number, a.Amount, a.AppliedOn));

    private sealed record AllocationRow(Guid PaymentId, string InvoiceNumber, decimal Amount, DateOnly AppliedOn)
    {
        public AllocationView View => new(InvoiceNumber, Amount, AppliedOn);
    }

    private static PaymentView View(Payment payment, IReadOnlyList<AllocationView> allocations) =>
        new(payment.Id, payment.Reference, payment.CustomerId, payment.Currency, payment.Amount, payment.ReceivedOn,
            payment.RemittanceInfo, payment.UnappliedAmount, payment.RecordedBy, allocations);
}

internal sealed record ApplyRequest(string? InvoiceNumber, decimal? Amount);

internal sealed record PaymentView(
    Guid Id, string Reference, string CustomerId, string Currency, decimal Amount, DateOnly ReceivedOn, string? RemittanceInfo,
    decimal UnappliedAmount, string RecordedBy, IReadOnlyList<AllocationView> Allocations);

internal sealed record AllocationView(string InvoiceNumber, decimal Amount, DateOnly AppliedOn);
