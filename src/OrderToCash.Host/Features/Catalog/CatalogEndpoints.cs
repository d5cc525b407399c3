using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Catalog;

/// <summary>GET /api/catalog: what the designer's drop-downs offer (roles, handlers, rule sets, messages).</summary>
internal static class CatalogEndpoints
{
    public const string ReadPolicy = "CatalogReaders";

    public static IServiceCollection AddProcessCatalog(this IServiceCollection services)
    {
        // What definitions may name: the registered handlers (with their inputs and outputs); the rule sets are read
        // per request, since a rule set published from the editor may be named at once.
        services.AddSingleton(sp =>
        {
            var catalog = new ProcessCatalog();
            foreach (var handler in sp.GetRequiredService<Engine.Handlers.HandlerCatalog>().Descriptors)
            {
                catalog.AddHandler(handler.Name, handler.Description, handler.Inputs.Select(i => i.Name), handler.Outputs.Select(o => o.Name));
            }

            return catalog;
        });
        // Process owners draw with it; credit managers see which rule sets the processes can name.
        services.AddAuthorizationBuilder().AddPolicy(ReadPolicy, policy => policy.RequireRole(Roles.ProcessOwner, Roles.CreditManager));
        return services;
    }

    public static void MapCatalog(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/catalog", async (ProcessCatalog catalog, Core.Infrastructure.Workflows.IRuleSetNames ruleSets, Core.Infrastructure.Persistence.OrderToCashDbContext db, CancellationToken ct) => Results.Ok(new CatalogResponse(
                // The built-in roles and the business roles created so far (ADR 0132); GET /api/roles gives their labels.
                [.. (await RoleDirectory.ListAsync(db, ct).ConfigureAwait(false)).Select(r => r.Name)],
                catalog.Handlers,
                // "credit-limit" reads "Credit limit" in the drop-down; the name itself is shown beside it.
                [.. ruleSets.Names().Select(r => new CatalogEntry(r, char.ToUpperInvariant(r[0]) + r[1..].Replace('-', ' ')))
                    .Concat(catalog.RuleSets).DistinctBy(r => r.Name, StringComparer.Ordinal).OrderBy(r => r.Name, StringComparer.Ordinal)],
                catalog.Messages)))
            .WithTags("Catalog")
            .RequireAuthorization(ReadPolicy)
            .WithSummary("What a process can use: roles, domain step handlers, rule sets and messages").Produces<CatalogResponse>();

    internal sealed record CatalogResponse(
        IReadOnlyList<string> Roles,
        IReadOnlyList<HandlerDescription> Handlers,
        IReadOnlyList<CatalogEntry> RuleSets,
        IReadOnlyList<CatalogEntry> Messages);
}
