using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrderToCash.Core.Infrastructure.Content;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Core.RootCauses;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.IntegrationTests.RootCauses;

/// <summary>
/// A migrated database with the shipped rules published (their what-if cases pass, or the publication fails), and
/// root-cause analyzers on it: each analyzer is its own "host" (own rule runtime and contexts), as two processes would be.
/// </summary>
internal sealed class RootCauseStore : IAsyncDisposable
{
    private readonly List<ServiceProvider> _hosts = [];

    private RootCauseStore(DatabaseProvider provider, string connectionString, FakeTimeProvider clock) =>
        (Provider, ConnectionString, Clock) = (provider, connectionString, clock);

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; }

    public RootCauseOptions Options { get; } = new();

    public static async Task<RootCauseStore> CreateAsync(DatabaseProvider provider, string connectionString, DateTimeOffset now)
    {
        var store = new RootCauseStore(provider, connectionString, new FakeTimeProvider(now));
        await using (var db = store.Context())
        {
            await db.Database.MigrateAsync();
        }

        var (rules, cases) = await RuleFolder.LoadAsync(RepositoryPaths.Rules, CancellationToken.None);
        var published = await store.Host().GetRequiredService<RuleSetPublisher>().PublishAsync(new PublishRequest(rules, cases, "test"), CancellationToken.None);
        published.Published.Should().BeTrue(string.Join("; ", published.Diagnostics));
        return store;
    }

    public OrderToCashDbContext Context() => DatabaseConfigurator.CreateContext(Provider, ConnectionString);

    public RootCauseAnalyzer Analyzer() => new(Context, Host().GetRequiredService<RuleEvaluator>(), Clock, Options);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    private ServiceProvider Host()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["Database:ConnectionString"] = ConnectionString,
        }).Build();
        var host = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(Clock).AddOrderToCashDatabase(configuration).AddOrderToCashRules().BuildServiceProvider();
        _hosts.Add(host);
        return host;
    }
}
