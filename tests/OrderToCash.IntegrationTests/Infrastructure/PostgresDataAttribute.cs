using System.Reflection;
using OrderToCash.Core.Infrastructure.Persistence;
using Xunit.Sdk;

namespace OrderToCash.IntegrationTests.Infrastructure;

/// <summary>
/// A theory row that runs the test on PostgreSQL: skipped with an install hint when PostgreSQL is absent, unless
/// O2C_REQUIRE_POSTGRES=1 (as in CI). Pair it with <c>[InlineData(DatabaseProvider.Sqlite)]</c> to run a test on both.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute()
    {
        if (PostgresInstallation.BinDirectory is null && !PostgresInstallation.Required)
        {
            Skip = PostgresInstallation.InstallHint;
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.PostgreSql]];
}
