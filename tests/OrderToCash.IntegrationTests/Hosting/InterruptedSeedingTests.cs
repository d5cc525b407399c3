using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Demo;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.IntegrationTests.Infrastructure;
using OrderToCash.TestSupport;

namespace OrderToCash.IntegrationTests.Hosting;

public sealed class InterruptedSeedingTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task A_host_killed_during_its_first_demo_seeding_leaves_no_half_company_the_next_start_seeds_it_whole()
    {
        var hostDll = Path.Combine(RepositoryPaths.Root, "src", "OrderToCash.Host", "bin", "Release", "net10.0", "OrderToCash.Host.dll");
        File.Exists(hostDll).Should().BeTrue($"the host is built in Release beside the tests ({hostDll})");
        var database = directory.File("ordertocash.db");

        // The real host process, killed (SIGKILL) once it has simulated some orders of the demo company.
        using (var process = new Process { StartInfo = HostProcess(hostDll, database) })
        {
            // Read (and drop) its output so that a full pipe never blocks it.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await WaitForAsync(() => Count(database, "SELECT COUNT(*) FROM orders") > 20, process, TimeSpan.FromMinutes(4));
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        Count(database, "SELECT COUNT(*) FROM demo_seeding WHERE CompletedAt IS NULL").Should().Be(1, "the seeding was interrupted");
        Count(database, "SELECT COUNT(*) FROM customers").Should().BeGreaterThan(0, "it left half a company");

        var logs = new LogCollector();
        await using var restarted = TestHost.Sqlite(directory, services => services.AddSingleton<ILoggerProvider>(logs),
            ("Scheduler:AutoStart", "false"), ("Demo:Seed", "true"), ("Demo:Activity", "true"));
        restarted.CreateClient().Dispose();

        await using var db = DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, directory.SqliteConnectionString());
        (await db.Set<DemoSeeding>().SingleAsync()).CompletedAt.Should().NotBeNull();
        (await db.Set<Customer>().CountAsync()).Should().Be(8 + DemoCompany.SyntheticCustomers, "the company is seeded whole, once");
        var numbers = await db.Database.SqlQueryRaw<string>("SELECT \"Number\" AS \"Value\" FROM invoices").ToListAsync();
        numbers.Should().OnlyHaveUniqueItems().And.NotBeEmpty();
        logs.Lines.Should().Contain(l => l.Contains("was interrupted: its partial data is removed", StringComparison.Ordinal));
    }

    private ProcessStartInfo HostProcess(string hostDll, string database)
    {
        var start = new ProcessStartInfo("dotnet", [hostDll])
        {
            WorkingDirectory = RepositoryPaths.Root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Database__ConnectionString"] = $"Data Source={database}";
        start.Environment["Demo__Seed"] = "true";
        start.Environment["Demo__Activity"] = "true";
        start.Environment["Auth__DemoUsers"] = "true";
        start.Environment["Scheduler__AutoStart"] = "false";
        start.Environment["Reminders__OutboxFolder"] = directory.File("outbox");
        return start;
    }

    private static long Count(string database, string sql)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=false");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            // Not created or not migrated yet.
            return 0;
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, Process process, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            process.HasExited.Should().BeFalse("the host must still be seeding; it exited with " + (process.HasExited ? process.ExitCode : 0));
            waited.Elapsed.Should().BeLessThan(timeout, "the seeding should have written orders by now");
            await Task.Delay(200);
        }
    }

    public void Dispose() => directory.Dispose();
}
