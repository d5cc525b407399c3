namespace OrderToCash.IntegrationTests.Infrastructure;

/// <summary>
/// A test against a real PostgreSQL server. Skipped with an install hint when PostgreSQL is absent,
/// unless O2C_REQUIRE_POSTGRES=1 (as in CI), where the missing server makes the test fail instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresInstallation.BinDirectory is null && !PostgresInstallation.Required)
        {
            Skip = PostgresInstallation.InstallHint;
        }
    }
}
