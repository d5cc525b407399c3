using System.Diagnostics;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Cli.Commands.Bench;

/// <summary>
/// <c>o2c bench --workload api-orders [--clients 8]</c>: order entry through the API. Starts the real host (its own
/// process, a fresh SQLite file in a temporary folder or the PostgreSQL database given, the demo customers), publishes
/// the shipped credit-limit rules and the cycle's workflows, signs in the clients with cookie sessions and has them
/// enter orders with <c>POST /api/orders</c> (credit check, recorded decision and workflow start in one transaction).
/// A warm-up round, then three measured rounds of <c>--instances</c> orders each: the median round's orders/s, latency
/// percentiles over every measured order, non-2xx answers by status. Then the host is killed and every acknowledged
/// order is looked for in the database.
/// </summary>
internal sealed class ApiOrdersWorkload : IBenchWorkload
{
    public const int DefaultClients = 8;
    private const int Rounds = 3;
    private const string Sales = "bench.sales";
    private const string Owner = "bench.owner";

    public string Name => "api-orders";

    public int DefaultInstances => 1_000;

    public async Task<BenchResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clients = settings.Clients ?? DefaultClients;
        var (provider, connectionString, temp) = W3WaitAndResume.Database(settings);
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        try
        {
            var acknowledged = new List<string>();
            var measured = new OrderTally();
            var seconds = new List<double>(Rounds);
            var warmUp = new OrderTally();
            await using (var host = await BenchHostProcess.StartAsync(HostSettings(provider, connectionString, password), cancellationToken).ConfigureAwait(false))
            {
                await ApiOrdersSetup.PublishAsync(host.Address, Owner, password, cancellationToken).ConfigureAwait(false);
                var signedIn = new List<OrderClient>(clients);
                try
                {
                    for (var i = 0; i < clients; i++)
                    {
                        signedIn.Add(await OrderClient.SignInAsync(host.Address, Sales, password, cancellationToken).ConfigureAwait(false));
                    }

                    var orders = new OrderSource();
                    // A warm-up as long as a round: the host's code reaches its optimised tier under the load it is measured with.
                    await RunRoundAsync(signedIn, orders, Math.Clamp(settings.Instances, clients, 1_000), warmUp, cancellationToken).ConfigureAwait(false);
                    for (var round = 0; round < Rounds; round++)
                    {
                        seconds.Add(await RunRoundAsync(signedIn, orders, settings.Instances, measured, cancellationToken).ConfigureAwait(false));
                    }
                }
                finally
                {
                    signedIn.ForEach(c => c.Dispose());
                }
            }

            acknowledged.AddRange(warmUp.AcknowledgedNumbers);
            acknowledged.AddRange(measured.AcknowledgedNumbers);
            var missing = await AcknowledgedOrders.MissingAsync(provider, connectionString, acknowledged, cancellationToken).ConfigureAwait(false);
            var inOrder = seconds.Select(s => Math.Round(s, 3)).ToList();
            seconds.Sort();
            return new BenchResult(Name, settings.Instances, seconds[Rounds / 2], new Dictionary<string, object>
            {
                ["database"] = provider.ToString(),
                ["clients"] = clients,
                ["authentication"] = "cookie session",
                ["rounds"] = Rounds,
                // In the order they ran: a round slower than the one before points at a cost growing with the data.
                ["roundSeconds"] = inOrder,
                ["p50Milliseconds"] = Math.Round(measured.Percentile(50), 1),
                ["p95Milliseconds"] = Math.Round(measured.Percentile(95), 1),
                ["p99Milliseconds"] = Math.Round(measured.Percentile(99), 1),
                ["maxMilliseconds"] = Math.Round(measured.Percentile(100), 1),
                ["outcomes"] = measured.Outcomes,
                ["non2xxByStatus"] = Merge(warmUp.Refusals, measured.Refusals),
                ["acknowledged"] = acknowledged.Count,
                ["acknowledgedMissingInDatabase"] = missing.Count,
                ["missingExamples"] = missing.Take(10).ToList(),
            });
        }
        finally
        {
            if (temp is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    /// <summary>The clients enter <paramref name="count"/> orders between them; returns the seconds it took.</summary>
    private static async Task<double> RunRoundAsync(IReadOnlyList<OrderClient> clients, OrderSource orders, int count, OrderTally tally, CancellationToken cancellationToken)
    {
        var remaining = count;
        object? Next() => Interlocked.Decrement(ref remaining) >= 0 ? orders.Next() : null;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(c => Task.Run(() => c.RunAsync(Next, tally, cancellationToken), cancellationToken))).ConfigureAwait(false);
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>A production-like host (no demo users, no page build needed) with the demo customers and two bench users.</summary>
    private static Dictionary<string, string> HostSettings(DatabaseProvider provider, string connectionString, string password)
    {
        var hash = PasswordHashing.Hash(password);
        return new Dictionary<string, string>
        {
            ["environment"] = "Production",
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
            ["Demo:Seed"] = "true",
            ["Demo:Activity"] = "false",
            ["Auth:DemoUsers"] = "false",
            // Plain HTTP on the loopback only: credentials never leave the machine.
            ["Transport:RequireHttps"] = "false",
            ["Auth:Users:0:UserName"] = Sales,
            ["Auth:Users:0:PasswordHash"] = hash,
            ["Auth:Users:0:Roles:0"] = Roles.SalesAdministration,
            ["Auth:Users:1:UserName"] = Owner,
            ["Auth:Users:1:PasswordHash"] = hash,
            ["Auth:Users:1:Roles:0"] = Roles.CreditManager,
            ["Auth:Users:1:Roles:1"] = Roles.ProcessOwner,
        };
    }

    private static SortedDictionary<string, int> Merge(IReadOnlyDictionary<string, int> first, IReadOnlyDictionary<string, int> second)
    {
        var merged = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (status, count) in first.Concat(second))
        {
            merged[status] = merged.GetValueOrDefault(status) + count;
        }

        return merged;
    }
}
