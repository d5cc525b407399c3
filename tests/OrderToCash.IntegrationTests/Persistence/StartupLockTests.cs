using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Host.Features.Errors;

namespace OrderToCash.IntegrationTests.Persistence;

public sealed class StartupLockTests
{
    [Fact]
    public void The_sql_server_applock_statements_are_valid_t_sql()
    {
        SqlServerScriptChecker.ParseErrors(StartupLock.SqlServerAcquire).Should().BeEmpty();
        SqlServerScriptChecker.ParseErrors(StartupLock.SqlServerRelease).Should().BeEmpty();
        StartupLock.SqlServerAcquire.Should().Contain("@LockOwner = N'Session'").And.Contain("@LockMode = N'Exclusive'");
    }

    [Theory]
    [InlineData(8, true)]
    [InlineData(5, true)]
    [InlineData(13, true)]
    [InlineData(19, false)]
    [InlineData(1, false)]
    public void A_sqlite_error_means_the_database_is_unavailable_only_for_busy_read_only_full_or_unopenable(int code, bool unavailable) =>
        DatabaseUnavailable.Is(new Microsoft.EntityFrameworkCore.DbUpdateException("save failed", new SqliteException("sqlite", code))).Should().Be(unavailable);

    [Fact]
    public void A_postgresql_server_that_does_not_answer_means_unavailable_a_refused_row_does_not()
    {
        DatabaseUnavailable.Is(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))).Should().BeTrue();
        DatabaseUnavailable.Is(new PostgresException("the database system is shutting down", "FATAL", "FATAL", "57P03")).Should().BeTrue();
        DatabaseUnavailable.Is(new PostgresException("duplicate key", "ERROR", "ERROR", "23505")).Should().BeFalse();
        DatabaseUnavailable.Is(new InvalidOperationException("a bug")).Should().BeFalse();
    }
}
