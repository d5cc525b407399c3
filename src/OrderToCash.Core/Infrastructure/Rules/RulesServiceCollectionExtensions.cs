using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Decisions;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.Core.Infrastructure.Rules;

public static class RulesServiceCollectionExtensions
{
    /// <summary>
    /// The business rules: catalog, compiler, validator, publisher, per-host runtime (version resolution and compiled
    /// cache), evaluator and decision log. Needs the database (<c>AddOrderToCashDatabase</c>) and a TimeProvider.
    /// </summary>
    public static IServiceCollection AddOrderToCashRules(this IServiceCollection services)
    {
        services.AddSingleton(_ => OrderToCashRuleSets.CreateCatalog());
        services.AddSingleton<Infrastructure.Workflows.IRuleSetNames, CatalogRuleSetNames>();
        services.AddSingleton<Engine.Runtime.IRuleSetRunner, BusinessRuleTaskRunner>();
        services.AddSingleton(sp => new RuleSetCompiler(sp.GetRequiredService<RuleSetCatalog>()));
        services.AddSingleton<RuleSetValidator>();
        services.AddSingleton(sp => new RuleSetRuntime(ContextFactory(sp), sp.GetRequiredService<RuleSetCompiler>()));
        services.AddSingleton(sp => new DecisionLog(ContextFactory(sp)));
        services.AddSingleton(sp => new Engine.Rules.BackTest.RuleSetBackTest(ContextFactory(sp)));
        services.AddSingleton(sp => new RuleSetPublisher(ContextFactory(sp), sp.GetRequiredService<RuleSetValidator>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RuleEvaluator>();
        services.AddSingleton<Credit.CreditCheck>();
        services.AddSingleton<Dunning.ReminderLadder>();
        services.AddSingleton<Disputes.DisputeRouter>();
        return services;
    }

    /// <summary>Development: publish <paramref name="rulesFolder"/> at start and on every change (see <see cref="RuleFileWatcher"/>).</summary>
    public static IServiceCollection AddRuleFileWatcher(this IServiceCollection services, string rulesFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rulesFolder);
        return services.AddHostedService(sp => new RuleFileWatcher(
            Path.GetFullPath(rulesFolder), sp.GetRequiredService<RuleSetPublisher>(), sp.GetRequiredService<ILogger<RuleFileWatcher>>()));
    }

    private static Func<DbContext> ContextFactory(IServiceProvider services)
    {
        var create = services.GetRequiredService<Func<OrderToCashDbContext>>();
        return () => create();
    }
}
