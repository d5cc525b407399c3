using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrderToCash.Host.Features.OpenApi;

/// <summary>
/// Makes /openapi/v1.json a contract (ADR 0122): the three security schemes and each operation's requirement (none for
/// anonymous endpoints, the fallback policy makes every other one need a signed-in user), an operation id for every
/// operation (from its handler's name), and the RFC 7807 problem responses every operation can give (400 bad input,
/// 401/403 for protected ones). Summaries and success types are written at each endpoint (WithSummary, Produces): the
/// contract test refuses an operation without them.
/// </summary>
internal static class OpenApiContract
{
    public const string CookieScheme = "cookie";
    public const string BasicScheme = "basic";
    public const string ApiKeyScheme = "apiKey";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OrderToCash API";
            document.Info.Description = "Order-to-cash workflows, rules, receivables. Errors are RFC 7807 problem documents; every call needs a signed-in user with the right role unless marked otherwise.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
            {
                [CookieScheme] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = ".OrderToCash.Auth", Description = "The session cookie set by POST /api/auth/login (web pages)." },
                [BasicScheme] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "basic", Description = "HTTP Basic with a configured user (scripts)." },
                [ApiKeyScheme] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key", Description = "An integration's key (Auth:ApiKeys)." },
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var handler = metadata.OfType<MethodInfo>().FirstOrDefault();
            var tag = operation.Tags?.FirstOrDefault()?.Name ?? "Api";
            operation.OperationId ??= OperationId(tag, handler, context.Description.HttpMethod, context.Description.RelativePath);

            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            operation.Responses ??= [];
            var problem = await ProblemSchemaAsync(context, cancellationToken).ConfigureAwait(false);
            AddProblem(operation, "400", "The request is invalid: a problem document names what was wrong.", problem);
            if (!anonymous)
            {
                AddProblem(operation, "401", "Not signed in.", problem);
                AddProblem(operation, "403", "Signed in without the role this operation needs.", problem);
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BasicScheme, context.Document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] },
                ];
            }
        });
    }

    private static async Task<IOpenApiSchema> ProblemSchemaAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        const string id = "ProblemDetails";
        if (context.Document?.Components?.Schemas?.ContainsKey(id) != true)
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken).ConfigureAwait(false);
            context.Document?.AddComponent(id, schema);
        }

        return new OpenApiSchemaReference(id, context.Document);
    }

    private static void AddProblem(OpenApiOperation operation, string status, string description, IOpenApiSchema schema)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/problem+json"] = new() { Schema = schema } },
        };
    }

    /// <summary>"Orders_Enter" from the tag and the handler method EnterAsync; else from the verb and the route.</summary>
    private static string OperationId(string tag, MethodInfo? handler, string? method, string? path)
    {
        var name = handler is { } m && !m.Name.Contains('<', StringComparison.Ordinal)
            ? m.Name.EndsWith("Async", StringComparison.Ordinal) ? m.Name[..^5] : m.Name
            : (method ?? "GET").ToLowerInvariant() + string.Concat((path ?? string.Empty).Split('/', '{', '}', '.', '-').Select(Capitalize));
        return $"{tag.Replace(" ", string.Empty, StringComparison.Ordinal)}_{name}";
    }

    private static string Capitalize(string part) =>
        part.Length == 0 ? part : char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..];
}
