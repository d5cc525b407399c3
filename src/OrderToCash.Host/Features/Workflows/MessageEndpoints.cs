using System.Security.Claims;
using System.Text.Json;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Host.Features.Workflows;

/// <summary>
/// <c>POST /api/messages</c>: a business event from outside (a carrier's scan, a partner's notice) correlated to the
/// instance waiting for it; only the public messages configured for the caller's roles (<see cref="PublicMessages"/>).
/// </summary>
internal static class MessageEndpoints
{
    public static void MapMessages(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/messages", CorrelateAsync).WithTags("Workflows")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Collector, Roles.SalesAdministration))
            .WithSummary("Deliver a public message to the instance waiting for it (buffered when none waits yet)").Produces<CorrelationResult>().ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> CorrelateAsync(MessageRequest body, ClaimsPrincipal user, PublicMessages publicMessages, DurableWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            errors["name"] = ["The message name is required."];
        }

        if (string.IsNullOrWhiteSpace(body.MessageId))
        {
            errors["messageId"] = ["A unique message id is required: it makes a redelivery harmless."];
        }

        foreach (var (field, value) in new[] { ("name", body.Name), ("messageId", body.MessageId), ("correlationKey", body.CorrelationKey) })
        {
            if (value is { Length: > Limits.KeyLength })
            {
                errors[field] = [$"At most {Limits.KeyLength} characters ({value.Length} given)."];
            }
        }

        if (body.TimeToLiveSeconds is <= 0)
        {
            errors["timeToLiveSeconds"] = ["The time-to-live must be positive."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        if (publicMessages.Refusal(body.Name!, user) is { } refusal)
        {
            return Results.Problem(title: "This message may not be posted.", detail: refusal, statusCode: StatusCodes.Status403Forbidden);
        }

        var message = new IncomingMessage(body.Name!, body.CorrelationKey, body.MessageId!, Variables.From(body.Payload),
            body.TimeToLiveSeconds is { } ttl ? TimeSpan.FromSeconds(ttl) : null);
        return Results.Ok(await runtime.CorrelateAsync(message, cancellationToken).ConfigureAwait(false));
    }

    internal sealed record MessageRequest(string? Name, string? CorrelationKey, string? MessageId, Dictionary<string, JsonElement>? Payload, int? TimeToLiveSeconds);
}
