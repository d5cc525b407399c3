using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlMigrationTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Migrating_a_real_postgresql_database_applies_every_migration()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var migrator = new DatabaseMigrator(() => DatabaseConfigurator.CreateContext(DatabaseProvider.PostgreSql, connectionString));

        var report = await migrator.MigrateAsync(CancellationToken.None);

        await using var context = DatabaseConfigurator.CreateContext(DatabaseProvider.PostgreSql, connectionString);
        report.Applied.Should().Equal(context.Database.GetMigrations());
        (await context.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        context.Set<Core.Infrastructure.Housekeeping.HousekeepingRun>().Add(new Core.Infrastructure.Housekeeping.HousekeepingRun { InstanceId = "test", StartedAt = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero) });
        await context.SaveChangesAsync();
        (await context.Set<Core.Infrastructure.Housekeeping.HousekeepingRun>().CountAsync()).Should().Be(1);
    }
}
