using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Remind;

/// <summary>
/// E-invoicing lifecycle statuses received from the platform (sales administration). The same message id twice is
/// recorded once; a Refusée / En litige status with a reason code opens a routed dispute.
/// </summary>
internal static class LifecycleEndpoints
{
    public static void MapLifecycle(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/invoices/{number}/lifecycle", RecordAsync).WithTags("E-invoicing")
            .RequireAuthorization(p => p.RequireRole(Roles.SalesAdministration))
            .WithSummary("Record an e-invoicing lifecycle status received for an invoice (a refusal or dispute opens a dispute)")
            .Produces<LifecycleView>().Produces<LifecycleView>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> RecordAsync(
        string number, NewLifecycleStatus body, ClaimsPrincipal user, OrderToCashDbContext db, DisputeWorkflowStarter workflows, TimeProvider clock, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var invoice = await VisibleInvoices.FindAsync(db, user, number, cancellationToken).ConfigureAwait(false);
            var (outcome, problems) = await EInvoicingIntake.RecordAsync(db, invoice, body, user.Identity!.Name!, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (outcome is null)
            {
                return VisibleInvoices.Invalid("The lifecycle status was not recorded", problems);
            }

            if (outcome.Duplicate)
            {
                return Results.Ok(View(outcome, invoice.Number, null));
            }

            if (outcome.Dispute is not null && !workflows.IsAvailable)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                    title: $"This status opens a dispute, but the '{DisputeWorkflow.ProcessId}' workflow is not published: publish workflows/dispute.bpmn first. Nothing was recorded.");
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < LostRace.MaxAttempts && LostRace.IsLostRace(ex))
            {
                // The same message recorded by a concurrent request (the next round answers "duplicate"), or another
                // dispute took the series' number or changed the invoice: again on fresh data.
                db.ChangeTracker.Clear();
                await LostRace.PauseAsync(attempt, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (outcome.Dispute is { } dispute)
            {
                await workflows.StartAsync(dispute, transportDamage: false, dealNotEntered: false, cancellationToken).ConfigureAwait(false);
            }

            var saved = outcome.Dispute is null ? null
                : await db.Set<Dispute>().AsNoTracking().SingleAsync(d => d.Id == outcome.Dispute.Id, cancellationToken).ConfigureAwait(false);
            return Results.Created($"/api/invoices/{invoice.Number}/lifecycle", View(outcome, invoice.Number, saved));
        }
    }

    private static LifecycleView View(LifecycleOutcome outcome, string invoiceNumber, Dispute? dispute) => new(
        outcome.Duplicate, invoiceNumber, outcome.Event.Status, outcome.Event.ReasonCode, outcome.Event.MessageId, outcome.Event.ReceivedAt,
        dispute is null ? null : DisputeView.From(dispute));

    /// <summary>The status recorded (<c>Duplicate</c> when the message id was already recorded) and the dispute it opened, if any.</summary>
    internal sealed record LifecycleView(bool Duplicate, string InvoiceNumber, Core.Invoicing.EInvoicingStatus Status, string? ReasonCode, string MessageId, DateTimeOffset ReceivedAt, DisputeView? Dispute);
}
