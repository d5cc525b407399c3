using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OrderToCash.Core.Infrastructure.Persistence.Providers;

namespace OrderToCash.Core.Infrastructure.Persistence;

/// <summary>Builds the provider-specific context options; the one place that knows each provider's settings.</summary>
public static class DatabaseConfigurator
{
    public static Type ContextType(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => typeof(SqliteOrderToCashDbContext),
        DatabaseProvider.SqlServer => typeof(SqlServerOrderToCashDbContext),
        DatabaseProvider.PostgreSql => typeof(PostgreSqlOrderToCashDbContext),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    /// <summary>The assembly that holds the three providers' migrations, loaded by name: the Host and the CLI ship it.</summary>
    public const string MigrationsAssembly = "OrderToCash.Migrations";

    /// <param name="builder">The options to configure.</param>
    /// <param name="provider">The database provider.</param>
    /// <param name="connectionString">Its connection string.</param>
    /// <param name="synchronous">SQLite only: when a commit reaches the disk (Full unless a simulation says otherwise, ADR 0138).</param>
    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString, SqliteSynchronous synchronous = SqliteSynchronous.Full)
    {
        ArgumentNullException.ThrowIfNull(builder);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                OwnerOnlyFiles.PrepareSqliteFile(connectionString);
                builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly)).AddInterceptors(SqliteDurabilityInterceptor.For(synchronous));
                if (SqliteWriteGate.For(connectionString) is { } gate)
                {
                    builder.AddInterceptors(gate);
                }

                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure().MigrationsAssembly(MigrationsAssembly));
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }

        builder.AddInterceptors(SaveHooks);
    }

    /// <summary>The features' <see cref="SaveHook"/>s of this assembly, found once (ADR 0130).</summary>
    private static readonly IInterceptor[] SaveHooks = [.. typeof(DatabaseConfigurator).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(SaveHook)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IInterceptor)(t.GetField("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"The save hook {t.FullName} has no public static Instance.")))];

    /// <summary>Creates the options for one context instance, outside dependency injection (CLI, tests, design time).</summary>
    public static OrderToCashDbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        var contextType = ContextType(provider);
        var builderType = typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType);
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(builderType)!;
        Configure(builder, provider, connectionString);
        return (OrderToCashDbContext)Activator.CreateInstance(contextType, builder.Options)!;
    }
}
