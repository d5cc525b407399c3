using System.Security.Claims;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Host.Features.Invoicing;

namespace OrderToCash.Host.Features.Disputes;

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

    private static async Task<IResult> RecordAsync(string number, NewLifecycleStatus body, ClaimsPrincipal user, LifecycleStatusRecording statuses, CancellationToken cancellationToken)
    {
        var recorded = await statuses.RecordAsync((db, ct) => VisibleInvoices.FindAsync(db, user, number, ct), body, user.Identity!.Name!, cancellationToken).ConfigureAwait(false);
        if (recorded.WorkflowMissing)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: $"This status opens a dispute, but the '{DisputeWorkflow.ProcessId}' workflow is not published: publish workflows/dispute.bpmn first. Nothing was recorded.");
        }

        if (recorded.Outcome is not { } outcome)
        {
            return VisibleInvoices.Invalid("The lifecycle status was not recorded", recorded.Problems);
        }

        return outcome.Duplicate
            ? Results.Ok(View(outcome, recorded.InvoiceNumber!, null))
            : Results.Created($"/api/invoices/{recorded.InvoiceNumber}/lifecycle", View(outcome, recorded.InvoiceNumber!, recorded.Dispute));
    }

    private static LifecycleView View(LifecycleOutcome outcome, string invoiceNumber, Dispute? dispute) => new(
        outcome.Duplicate, invoiceNumber, outcome.Event.Status, outcome.Event.ReasonCode, outcome.Event.MessageId, outcome.Event.ReceivedAt,
        dispute is null ? null : DisputeView.From(dispute));

    /// <summary>The status recorded (<c>Duplicate</c> when the message id was already recorded) and the dispute it opened, if any.</summary>
    internal sealed record LifecycleView(bool Duplicate, string InvoiceNumber, Core.Invoicing.EInvoicingStatus Status, string? ReasonCode, string MessageId, DateTimeOffset ReceivedAt, DisputeView? Dispute);
}
