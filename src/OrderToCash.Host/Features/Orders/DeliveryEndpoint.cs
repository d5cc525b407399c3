using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Orders;

namespace OrderToCash.Host.Features.Orders;

/// <summary>
/// POST /api/orders/{number}/delivery: sales administration records that the goods leave; the cycle runs its credit
/// check at delivery (ADR 0064). 200: delivered (and invoiced); 202: blocked for a credit manager's release, with the
/// failing rules and the waiting task; 422: refused input; 409: the cycle could not take the delivery. Nothing is
/// written on a 4xx.
/// </summary>
internal static class DeliveryEndpoint
{
    public static void MapDelivery(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/orders/{number}/delivery", DeliverAsync).WithTags("Orders")
            .RequireAuthorization(p => p.RequireRole(Roles.SalesAdministration))
            .WithSummary("Record that an order's goods leave: the cycle's credit check at delivery passes them (then invoices) or blocks them for a credit manager's release (202)")
            .Produces<OrderView>().Produces<DeliveryBlockedView>(StatusCodes.Status202Accepted).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> DeliverAsync(string number, DeliveryRequest? body, OrderDelivery delivery, CancellationToken cancellationToken)
    {
        var result = await delivery.DeliverAsync(number, body?.DeliveredOn, cancellationToken).ConfigureAwait(false);
        if (result.Problems is { } problems)
        {
            return Results.ValidationProblem(problems.ToDictionary(), title: "The delivery was not recorded: " + string.Join(" ", problems.Values.SelectMany(m => m)),
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        if (result.UnavailableReason is { } reason)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: reason);
        }

        if (result.IsBlocked)
        {
            var order = result.Order!;
            return Results.Json(
                new DeliveryBlockedView(
                    $"Order {number} is not delivered: the credit check at delivery failed and the delivery waits for a credit manager's release or rejection. The decision is recorded.",
                    result.BlockReasons, result.ReleaseTask is { } task ? new ReleaseTaskView(task.Id, task.ProcessId, task.ElementId, task.Name, task.CandidateRole) : null, OrderView.From(order)),
                statusCode: StatusCodes.Status202Accepted);
        }

        return Results.Ok(OrderView.From(result.Order!));
    }
}

/// <param name="DeliveredOn">The day the goods leave (yyyy-MM-dd); blocked for release, they leave on the release day when later.</param>
internal sealed record DeliveryRequest(DateOnly? DeliveredOn);

/// <summary>A delivery blocked by the credit check at delivery: why, and the credit manager's task it waits in.</summary>
internal sealed record DeliveryBlockedView(string Title, IReadOnlyList<string> Reasons, ReleaseTaskView? Task, OrderView Order);

/// <summary>The waiting task (GET /api/tasks lists it for the credit managers).</summary>
internal sealed record ReleaseTaskView(string Id, string ProcessId, string ElementId, string? Name, string? CandidateRole);
