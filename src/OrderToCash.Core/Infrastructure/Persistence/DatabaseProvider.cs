namespace OrderToCash.Core.Infrastructure.Persistence;

/// <summary>The database engines the product runs on; chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}
