using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Decisions;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.IntegrationTests.Rules;

public class DecisionInUnitOfWorkTests
{
    private static readonly Core.Credit.CreditCheckInput Order = new(10_000m, 20_000m, 40_000m, 0m, 0m, 0, "B", 900, 20);

    [Fact]
    public async Task A_decision_recorded_in_the_callers_transaction_rolls_back_with_it_and_does_not_wait_on_the_writer_lock()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var host = store.StartHost();
        var published = await host.GetRequiredService<RuleSetPublisher>().PublishAsync(
            new PublishRequest([RuleStoreFixture.Shipped(OrderToCashRuleSets.CreditLimit)], [], "credit.manager", "test", null), CancellationToken.None);
        published.Published.Should().BeTrue();
        var evaluator = host.GetRequiredService<RuleEvaluator>();

        await using (var step = store.CreateContext())
        {
            await using var transaction = await step.Database.BeginTransactionAsync();
            // The caller already holds SQLite's writer lock, as a workflow step does.
            await step.Database.ExecuteSqlRawAsync("UPDATE rule_set_versions SET Comment = Comment WHERE 1 = 0");
            step.Set<Engine.Rules.Store.RuleSetVersion>().Local.Should().BeEmpty();
            var decision = await evaluator.EvaluateAsync(OrderToCashRuleSets.CreditLimit, [Order], new DecisionSubject("order", "SO-1"), unitOfWork: step);
            decision.DecisionId.Should().BePositive();
            await transaction.RollbackAsync();
        }

        await using var check = store.CreateContext();
        (await check.Set<DecisionRecord>().CountAsync(d => d.SubjectId == "SO-1")).Should().Be(0, "the caller rolled back");
    }
}
