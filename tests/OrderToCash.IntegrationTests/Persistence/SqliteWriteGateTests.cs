using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Persistence;

/// <summary>ADR 0136: the transactions of one process on one SQLite file begin in turn, and every way a transaction ends gives the turn back.</summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public SqliteWriteGateTests()
    {
        using var db = Context();
        db.Database.Migrate();
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task A_second_transaction_begins_only_once_the_first_has_committed()
    {
        await using var first = Context();
        await using var second = Context();
        var held = await first.Database.BeginTransactionAsync();

        var waiting = second.Database.BeginTransactionAsync();
        await Task.Delay(200);
        waiting.IsCompleted.Should().BeFalse("the first transaction holds the turn");

        await held.CommitAsync();
        await using var begun = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        await begun.CommitAsync();
    }

    [Fact]
    public async Task A_rolled_back_transaction_and_one_whose_context_is_disposed_without_ending_it_give_the_turn_back()
    {
        await using (var rolledBack = Context())
        {
            var transaction = await rolledBack.Database.BeginTransactionAsync();
            await transaction.RollbackAsync();
            await using var next = Context();
            await using var begun = await next.Database.BeginTransactionAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await begun.CommitAsync();
        }

        var abandoned = Context();
        _ = await abandoned.Database.BeginTransactionAsync();
        await abandoned.DisposeAsync();
        await using var after = Context();
        await using var afterAbandoned = await after.Database.BeginTransactionAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await afterAbandoned.CommitAsync();
    }

    [Fact]
    public void Contexts_on_one_file_share_one_gate_and_an_in_memory_database_has_none()
    {
        SqliteWriteGate.For(directory.SqliteConnectionString()).Should().BeSameAs(SqliteWriteGate.For($"Data Source={directory.File("./ordertocash.db")}"));
        SqliteWriteGate.For(directory.SqliteConnectionString("other.db")).Should().NotBeSameAs(SqliteWriteGate.For(directory.SqliteConnectionString()));
        SqliteWriteGate.For("Data Source=:memory:").Should().BeNull();
    }

    private OrderToCashDbContext Context() => DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, directory.SqliteConnectionString());
}
