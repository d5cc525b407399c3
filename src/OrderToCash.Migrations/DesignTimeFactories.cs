using Microsoft.EntityFrameworkCore.Design;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Persistence.Providers;

namespace OrderToCash.Migrations;

// `dotnet ef migrations add` needs a context per provider without a running host; no server is contacted.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOrderToCashDbContext>
{
    public SqliteOrderToCashDbContext CreateDbContext(string[] args) =>
        (SqliteOrderToCashDbContext)DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerOrderToCashDbContext>
{
    public SqlServerOrderToCashDbContext CreateDbContext(string[] args) =>
        (SqlServerOrderToCashDbContext)DatabaseConfigurator.CreateContext(DatabaseProvider.SqlServer, "Server=design-time;Database=OrderToCash;Integrated Security=true;TrustServerCertificate=true");
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlOrderToCashDbContext>
{
    public PostgreSqlOrderToCashDbContext CreateDbContext(string[] args) =>
        (PostgreSqlOrderToCashDbContext)DatabaseConfigurator.CreateContext(DatabaseProvider.PostgreSql, "Host=design-time;Database=ordertocash");
}
