using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Infrastructure.Persistence.Providers;

namespace OrderToCash.Core.Infrastructure.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Registers the configured provider's context, and <see cref="OrderToCashDbContext"/> as an alias of it.</summary>
    public static IServiceCollection AddOrderToCashDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ReadOptions(configuration);
        var connectionString = options.ResolveConnectionString();
        services.AddSingleton(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                Register<SqliteOrderToCashDbContext>(services, options, connectionString);
                break;
            case DatabaseProvider.SqlServer:
                Register<SqlServerOrderToCashDbContext>(services, options, connectionString);
                break;
            case DatabaseProvider.PostgreSql:
                Register<PostgreSqlOrderToCashDbContext>(services, options, connectionString);
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported.");
        }

        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    /// <summary>Reads and checks the <c>Database</c> section, with a message naming the bad value.</summary>
    public static DatabaseOptions ReadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        var provider = section["Provider"];
        if (!string.IsNullOrWhiteSpace(provider) && !Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out _))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{provider}' is not supported; use one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }

        var options = new DatabaseOptions();
        section.Bind(options);
        options.ConnectionString = options.ResolveConnectionString();
        return options;
    }

    private static void Register<TContext>(IServiceCollection services, DatabaseOptions options, string connectionString)
        where TContext : OrderToCashDbContext
    {
        services.AddDbContextFactory<TContext>(builder => DatabaseConfigurator.Configure(builder, options.Provider, connectionString, options.SqliteSynchronous));
        services.AddScoped<OrderToCashDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        services.AddSingleton<Func<OrderToCashDbContext>>(sp =>
        {
            var factory = sp.GetRequiredService<IDbContextFactory<TContext>>();
            return () => factory.CreateDbContext();
        });
    }
}
