using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Numbering;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Invoicing;

/// <summary>Concurrent issuers on one database get unique, gapless numbers.</summary>
internal static class ConcurrentNumbering
{
    public static async Task<List<string>> TakeAsync(DatabaseProvider provider, string connectionString, int issuers, int numbersEach)
    {
        await using (var setup = DatabaseConfigurator.CreateContext(provider, connectionString))
        {
            await setup.Database.MigrateAsync();
        }

        var issueDate = new DateOnly(2026, 11, 23);
        var results = await Task.WhenAll(Enumerable.Range(0, issuers).Select(_ => Task.Run(async () =>
        {
            var taken = new List<string>();
            while (taken.Count < numbersEach)
            {
                await using var db = DatabaseConfigurator.CreateContext(provider, connectionString);
                var number = await InvoiceNumbering.NextAsync(db, InvoiceNumbering.InvoicePrefix, issueDate, CancellationToken.None);
                try
                {
                    await db.SaveChangesAsync();
                    taken.Add(number);
                }
                catch (DbUpdateException)
                {
                    // Another issuer took this number first (concurrency token or the new series' key): take the next one.
                }
            }

            return taken;
        })));
        return [.. results.SelectMany(r => r)];
    }
}

public sealed class InvoiceNumberingTests
{
    [Fact]
    public async Task Concurrent_issuers_on_sqlite_get_unique_gapless_numbers()
    {
        using var directory = new TempDirectory();

        var numbers = await ConcurrentNumbering.TakeAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString(), issuers: 4, numbersEach: 10);

        numbers.Order(StringComparer.Ordinal).Should().Equal(Enumerable.Range(1, 40).Select(n => $"FA-2026-{n:000000}"));
    }

    [Fact]
    public async Task A_rolled_back_issue_gives_its_number_back()
    {
        using var directory = new TempDirectory();
        var connectionString = directory.SqliteConnectionString();
        await using (var setup = DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, connectionString))
        {
            await setup.Database.MigrateAsync();
        }

        var day = new DateOnly(2026, 11, 23);
        await using (var abandoned = DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, connectionString))
        {
            (await InvoiceNumbering.NextAsync(abandoned, InvoiceNumbering.InvoicePrefix, day, CancellationToken.None)).Should().Be("FA-2026-000001");
            // Never saved: the issue failed before commit.
        }

        await using var issued = DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, connectionString);
        (await InvoiceNumbering.NextAsync(issued, InvoiceNumbering.InvoicePrefix, day, CancellationToken.None)).Should().Be("FA-2026-000001");
        (await InvoiceNumbering.NextAsync(issued, InvoiceNumbering.CreditNotePrefix, day, CancellationToken.None)).Should().Be("AV-2026-000001", "credit notes have their own series");
        (await InvoiceNumbering.NextAsync(issued, InvoiceNumbering.InvoicePrefix, day.AddYears(1), CancellationToken.None)).Should().Be("FA-2027-000001", "each year starts a new series");
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlInvoiceNumberingTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Concurrent_issuers_on_postgresql_get_unique_gapless_numbers()
    {
        var connectionString = await server.CreateDatabaseAsync();

        var numbers = await ConcurrentNumbering.TakeAsync(DatabaseProvider.PostgreSql, connectionString, issuers: 6, numbersEach: 15);

        numbers.Order(StringComparer.Ordinal).Should().Equal(Enumerable.Range(1, 90).Select(n => $"FA-2026-{n:000000}"));
    }
}
