using System.CommandLine;
using System.Globalization;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Core.Kpis;
using OrderToCash.Core.RootCauses;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.Cli.Commands.RootCauses;

/// <summary>The analyzer and the KPI calculator on the configured database, built without a host.</summary>
internal static class AnalyticsTooling
{
    public static Func<OrderToCashDbContext> Database(ParseResult parseResult)
    {
        var options = PersistenceServiceCollectionExtensions.ReadOptions(CliOptions.Configuration(parseResult));
        var connection = options.ResolveConnectionString();
        return () => DatabaseConfigurator.CreateContext(options.Provider, connection);
    }

    public static RootCauseAnalyzer Analyzer(Func<OrderToCashDbContext> database, TimeProvider clock, RootCauseOptions? options = null)
    {
        var runtime = new RuleSetRuntime(database, new RuleSetCompiler(OrderToCashRuleSets.CreateCatalog()));
        return new RootCauseAnalyzer(database, new RuleEvaluator(runtime, clock), clock, options ?? new RootCauseOptions());
    }

    public static DateOnly? ParseDate(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliUsageException($"{option} '{value}' is not a date; use YYYY-MM-DD.");
    }

    /// <summary>Turns a database that is missing the schema or the rules into the step the operator must take.</summary>
    public static async Task<T> GuardAsync<T>(Func<Task<T>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (RuleSetNotFoundException ex)
        {
            throw new InvalidOperationException($"{ex.Message} Publish the rules into this database first: o2c rules publish rules/", ex);
        }
        catch (System.Data.Common.DbException ex)
        {
            throw new InvalidOperationException($"The database could not be read ({ex.Message}); run 'o2c migrate' with the same settings first.", ex);
        }
    }
}
