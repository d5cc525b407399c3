using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Orders;

namespace OrderToCash.Host.Features.Orders;

/// <summary>POST /api/orders/{number}/delivery: sales administration records that the goods left (after the second credit check).</summary>
internal static class DeliveryEndpoint
{
    public static void MapDelivery(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/orders/{number}/delivery", DeliverAsync).WithTags("Orders")
            .RequireAuthorization(p => p.RequireRole(Roles.SalesAdministration))
            .WithSummary("Record that an order's goods left (after the second credit check); the cycle then invoices it")
            .Produces<OrderView>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> DeliverAsync(string number, DeliveryRequest? body, OrderDelivery delivery, CancellationToken cancellationToken)
    {
        var result = await delivery.DeliverAsync(number, body?.DeliveredOn, cancellationToken).ConfigureAwait(false);
        if (result.Problems is { } problems)
        {
            return Results.ValidationProblem(problems.ToDictionary(), title: "The delivery was not recorded: " + string.Join(" ", problems.Values.SelectMany(m => m)),
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        if (result.IsBlocked)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: $"Order {number} is not delivered: the credit check at delivery failed. The decision is recorded; the order stays accepted.",
                extensions: new Dictionary<string, object?> { ["reasons"] = result.BlockReasons.Select(r => $"{r.RuleName}: {r.Message}").ToArray() });
        }

        return Results.Ok(OrderView.From(result.Order!));
    }
}

/// <param name="DeliveredOn">The day the goods left (yyyy-MM-dd).</param>
internal sealed record DeliveryRequest(DateOnly? DeliveredOn);
