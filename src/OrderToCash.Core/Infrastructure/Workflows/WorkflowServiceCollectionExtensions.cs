using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Bpmn.Validation;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Infrastructure.Workflows;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// The durable workflow runtime on the product's database: published definitions, the runtime itself, and the
    /// catalog of what definitions may refer to (the registered handlers and the known rule sets).
    /// </summary>
    public static IServiceCollection AddOrderToCashWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(DurableWorkflowOptions.SectionName).Get<DurableWorkflowOptions>() ?? new DurableWorkflowOptions();
        services.AddSingleton(options);
        services.TryAddSingleton(sp => new HandlerCatalog(sp.GetServices<IWorkflowHandler>()));
        services.TryAddSingleton<IRuleSetNames>(new NoRuleSets());
        services.AddSingleton(sp =>
        {
            var handlers = sp.GetRequiredService<HandlerCatalog>();
            var ruleSets = sp.GetRequiredService<IRuleSetNames>();
            var createContext = sp.GetRequiredService<Func<OrderToCashDbContext>>();
            return new DefinitionStore(createContext, sp.GetRequiredService<TimeProvider>(), handlers, () => new WorkflowCatalog(handlers.Descriptors, ruleSets.Names())
            {
                // Read per publication: a role a process owner just created may be named at once (ADR 0132).
                Roles = RolesNow(createContext),
            });
        });
        services.AddSingleton(sp =>
        {
            var createContext = sp.GetRequiredService<Func<OrderToCashDbContext>>();
            var ruleSets = sp.GetService<Engine.Runtime.IRuleSetRunner>();
            return new DurableWorkflowRuntime(createContext, sp.GetRequiredService<DefinitionStore>(), sp.GetRequiredService<TimeProvider>(), options, sp, _ => ruleSets);
        });
        services.AddSingleton(sp => new WorkflowReader(sp.GetRequiredService<Func<OrderToCashDbContext>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new WorkflowDispatcher(sp.GetRequiredService<DurableWorkflowRuntime>()));
        return services;
    }

    private static IReadOnlyCollection<string> RolesNow(Func<OrderToCashDbContext> createContext)
    {
        using var db = createContext();
        return Security.RoleDirectory.Names(db);
    }
}

/// <summary>The rule sets a business-rule task may name; the rule store provides them.</summary>
public interface IRuleSetNames
{
    IReadOnlyCollection<string> Names();
}

internal sealed class NoRuleSets : IRuleSetNames
{
    public IReadOnlyCollection<string> Names() => [];
}
