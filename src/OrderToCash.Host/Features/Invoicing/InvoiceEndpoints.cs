using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Documents;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Payments;
using OrderToCash.Host.Features.Customers;

namespace OrderToCash.Host.Features.Invoicing;

/// <summary>
/// Invoices within the caller's customer scope (someone else's invoice is "not found"), credit notes by sales
/// administration, write-offs by the credit manager. Invoices themselves are issued by the cycle workflow.
/// </summary>
internal static class InvoiceEndpoints
{
    public static void MapInvoices(this IEndpointRouteBuilder endpoints)
    {
        var invoices = endpoints.MapGroup("/api/invoices").WithTags("Invoices");
        invoices.MapGet("/", ListAsync).RequireAuthorization(p => p.RequireRole(CustomerScope.ReaderRoles))
            .WithSummary("List the invoices the caller sees (by customer, open/overdue/settled)").Produces<IEnumerable<InvoiceSummary>>();
        invoices.MapGet("/{number}", GetAsync).RequireAuthorization(p => p.RequireRole(CustomerScope.ReaderRoles))
            .WithSummary("Read an invoice with its lines, payments, credit notes, lifecycle and e-invoicing statuses sent")
            .Produces<InvoiceDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        invoices.MapGet("/{number}/document", DocumentAsync).RequireAuthorization(p => p.RequireRole(CustomerScope.ReaderRoles))
            .WithSummary("Download the PDF/A-3 (Factur-X) of an invoice or credit note").Produces<byte[]>(StatusCodes.Status200OK, "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
        invoices.MapPost("/{number}/credit-notes", CreditNoteAsync).RequireAuthorization(p => p.RequireRole(Roles.SalesAdministration))
            .WithSummary("Issue a credit note against an invoice").Produces<CreditNoteView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        invoices.MapPost("/{number}/write-off", WriteOffAsync).RequireAuthorization(p => p.RequireRole(Roles.CreditManager))
            .WithSummary("Write off an invoice's open amount as a bad debt").Produces<InvoiceSummary>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> ListAsync(string? customer, string? status, ClaimsPrincipal user, OrderToCashDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var query = Visible(db, user);
        if (!string.IsNullOrWhiteSpace(customer))
        {
            query = query.Where(i => i.CustomerId == customer);
        }

        switch (status?.ToLowerInvariant())
        {
            case null or "":
                break;
            case "open":
                query = query.Where(i => i.SettledOn == null);
                break;
            case "overdue":
                query = query.Where(i => i.SettledOn == null && i.DueDate < today);
                break;
            case "settled":
                query = query.Where(i => i.SettledOn != null);
                break;
            default:
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"'{status}' is not an invoice status filter: use open, overdue or settled."] },
                    statusCode: StatusCodes.Status400BadRequest);
        }

        var invoices = await query.OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Number).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(invoices.Select(i => InvoiceSummary.From(i, today)));
    }

    private static async Task<IResult> GetAsync(string number, ClaimsPrincipal user, OrderToCashDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invoice = await FindVisibleAsync(db, user, number, cancellationToken).ConfigureAwait(false);
        var payments = await db.Set<PaymentAllocation>().AsNoTracking().Where(a => a.InvoiceId == invoice.Id)
            .Join(db.Set<Payment>(), a => a.PaymentId, p => p.Id, (a, p) => new { a, p })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var notes = await db.Set<CreditNote>().AsNoTracking().Where(n => n.InvoiceId == invoice.Id).OrderBy(n => n.Number).ToListAsync(cancellationToken).ConfigureAwait(false);
        var events = await db.Set<InvoiceLifecycleEvent>().AsNoTracking().Where(e => e.InvoiceId == invoice.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var sent = await db.Set<EInvoicingStatusMessage>().AsNoTracking().Where(m => m.InvoiceId == invoice.Id).OrderBy(m => m.MessageId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var correctedBy = await db.Set<Invoice>().AsNoTracking().Where(i => i.CorrectsInvoiceNumber == invoice.Number).OrderBy(i => i.Number).Select(i => i.Number).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(new InvoiceDetails(
            InvoiceSummary.From(invoice, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)),
            InvoiceMentions.From(invoice),
            invoice.LateInterest,
            invoice.IndemnityCharged,
            invoice.WriteOffReason,
            invoice.WrittenOffOn,
            invoice.DunningInstanceId,
            [.. payments.OrderBy(x => x.a.AppliedOn).ThenBy(x => x.a.Id).Select(x => InvoicePaymentView.From(x.a, x.p))],
            [.. notes.Select(CreditNoteView.From)],
            [.. events.Select(LifecycleEventView.From)],
            [.. sent.Select(StatusSentView.From)],
            new InvoiceCorrectionView(invoice.CorrectsInvoiceNumber, invoice.CorrectionCreditNoteNumber, correctedBy)));
    }

    /// <summary>The PDF/A-3 (Factur-X) of an invoice or a credit note (FA-… or AV-…) in the caller's scope; someone else's is "not found".</summary>
    private static async Task<IResult> DocumentAsync(string number, ClaimsPrincipal user, OrderToCashDbContext db, InvoiceDocuments documents, CancellationToken cancellationToken)
    {
        var customers = db.Set<Customer>().VisibleTo(user).Select(c => c.Id);
        var document = await documents.ByNumberAsync(db, number, customers, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Invoice or credit note '{number}' was not found.");
        return Results.File(document.Pdf, "application/pdf", document.FileName);
    }

    private static async Task<IResult> CreditNoteAsync(string number, CreditNoteRequest body, ClaimsPrincipal user, InvoiceAdjustments adjustments, CancellationToken cancellationToken)
    {
        var note = await adjustments.IssueCreditNoteAsync(number, body.Amount, body.Reason, user.Identity!.Name!, cancellationToken).ConfigureAwait(false);
        return Results.Created($"/api/invoices/{number}", CreditNoteView.From(note));
    }

    private static async Task<IResult> WriteOffAsync(string number, WriteOffRequest body, InvoiceAdjustments adjustments, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invoice = await adjustments.WriteOffAsync(number, body.Reason, cancellationToken).ConfigureAwait(false);
        return Results.Ok(InvoiceSummary.From(invoice, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    private static async Task<Invoice> FindVisibleAsync(OrderToCashDbContext db, ClaimsPrincipal user, string number, CancellationToken cancellationToken) =>
        await Visible(db, user).FirstOrDefaultAsync(i => i.Number == number, cancellationToken).ConfigureAwait(false)
        ?? throw new KeyNotFoundException($"Invoice '{number}' was not found.");

    private static IQueryable<Invoice> Visible(OrderToCashDbContext db, ClaimsPrincipal user)
    {
        var customers = db.Set<Customer>().VisibleTo(user).Select(c => c.Id);
        return db.Set<Invoice>().AsNoTracking().Where(i => customers.Contains(i.CustomerId));
    }
}

internal sealed record CreditNoteRequest(decimal? Amount, string? Reason);

internal sealed record WriteOffRequest(string? Reason);
