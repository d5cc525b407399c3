using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules;

namespace OrderToCash.IntegrationTests.Rules;

/// <summary>
/// A migrated SQLite file in a temp folder, and "hosts" on it: each host is its own service provider (its own rule
/// runtime, caches and DbContexts), as two processes would be. The clock is fake and shared.
/// </summary>
public sealed class RuleStoreFixture : IAsyncDisposable
{
    private readonly List<ServiceProvider> _hosts = [];

    private RuleStoreFixture(string folder)
    {
        Folder = folder;
        ConnectionString = $"Data Source={Path.Combine(folder, "rules.db")}";
    }

    public string Folder { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public static async Task<RuleStoreFixture> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"o2c-rules-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var fixture = new RuleStoreFixture(folder);
        await using var db = fixture.CreateContext();
        await db.Database.MigrateAsync();
        return fixture;
    }

    public OrderToCashDbContext CreateContext() => DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, ConnectionString);

    public IServiceProvider StartHost()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = ConnectionString,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(Clock)
            .AddOrderToCashDatabase(configuration)
            .AddOrderToCashRules();
        var host = services.BuildServiceProvider();
        _hosts.Add(host);
        return host;
    }

    public static RuleSource Shipped(string name) =>
        new(Path.Combine(RepositoryPaths.Rules, $"{name}.json"), File.ReadAllText(Path.Combine(RepositoryPaths.Rules, $"{name}.json")));

    public static RuleSource ShippedCases(string name) =>
        new(Path.Combine(RepositoryPaths.Rules, "tests", $"{name}.json"), File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "tests", $"{name}.json")));

    /// <summary>Saves a decision record as a caller's unit of work would.</summary>
    public async Task<long> SaveAsync(Engine.Rules.Decisions.DecisionRecord record)
    {
        await using var db = CreateContext();
        db.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }

    public async Task<int> CountVersionsAsync()
    {
        await using var db = CreateContext();
        return await db.RuleSetVersions.CountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
