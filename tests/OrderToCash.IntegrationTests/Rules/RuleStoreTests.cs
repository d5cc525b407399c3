using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Decisions;
using OrderToCash.Engine.Rules.Definitions;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.IntegrationTests.Rules;

public class RuleStoreTests
{
    /// <summary>30,000 EUR of exposure after the order against a 40,000 EUR limit: within it, unless the limit is halved.</summary>
    private static readonly CreditCheckInput Order = new(10_000m, 20_000m, 40_000m, 0m, 0m, 0, "B", 900, 20);

    private const string ShippedLimitRule = "exposureAfterOrder <= limit";
    private const string HalvedLimitRule = "exposureAfterOrder <= limit * 0.5";

    private static RuleSource CreditLimitWith(string expression) =>
        RuleStoreFixture.Shipped(CreditCheckInput.RuleSet) is var shipped
            ? shipped with { Content = shipped.Content.Replace(ShippedLimitRule, expression, StringComparison.Ordinal) }
            : throw new InvalidOperationException();

    private static Task<PublishResult> PublishAsync(IServiceProvider host, RuleSource file, IReadOnlyList<RuleSource>? cases = null, DateTimeOffset? effectiveFrom = null) =>
        host.GetRequiredService<RuleSetPublisher>().PublishAsync(new PublishRequest([file], cases ?? [], "credit.manager", "test", effectiveFrom), CancellationToken.None);

    private static Task<RuleDecision> DecideAsync(IServiceProvider host) =>
        host.GetRequiredService<RuleEvaluator>().EvaluateAsync(CreditCheckInput.RuleSet, [Order]);

    [Fact]
    public async Task A_changed_credit_limit_rule_applies_on_the_next_evaluation_on_two_hosts_without_restart()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var hostA = store.StartHost();
        var hostB = store.StartHost();
        // No cases stored: the halved limit below would fail them (that gate is tested in RuleEditorApiTests).
        (await PublishAsync(hostA, RuleStoreFixture.Shipped(CreditCheckInput.RuleSet))).Published.Should().BeTrue();

        var beforeA = await DecideAsync(hostA);
        var beforeB = await DecideAsync(hostB);
        store.Clock.Advance(TimeSpan.FromMinutes(5));
        var published = await PublishAsync(hostB, CreditLimitWith(HalvedLimitRule));
        var afterA = await DecideAsync(hostA);
        var afterB = await DecideAsync(hostB);

        published.Published.Should().BeTrue(string.Join("; ", published.Diagnostics));
        foreach (var before in new[] { beforeA, beforeB })
        {
            before.Version.Version.Should().Be(1);
            before.Outcome.IsSuccess("WithinCreditLimit").Should().BeTrue();
        }

        foreach (var after in new[] { afterA, afterB })
        {
            after.Version.Version.Should().Be(2);
            after.Version.ContentHash.Should().Be(published.RuleSets.Single().ContentHash).And.NotBe(beforeA.Version.ContentHash);
            after.Outcome.IsSuccess("WithinCreditLimit").Should().BeFalse();
        }
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "expression that does not parse", "\"Expression\": \"exposureAfterOrder <= limit\"", "\"Expression\": \"exposureAfterOrder <= (limit\"" },
        { "unknown field", "\"SuccessEvent\": \"within-limit\"", "\"SuccesEvent\": \"within-limit\"" },
        { "hostile expression", "\"Expression\": \"exposureAfterOrder <= limit\"", "\"Expression\": \"System.IO.File.Exists(\\\"/etc/passwd\\\") || exposureAfterOrder <= limit\"" },
        { "clock in an expression", "\"Expression\": \"exposureAfterOrder <= limit\"", "\"Expression\": \"DateTime.Now.Month != 12 && exposureAfterOrder <= limit\"" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_rule_file_is_refused_naming_the_rule_and_nothing_is_written(string problem, string original, string broken)
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var host = store.StartHost();
        var shipped = RuleStoreFixture.Shipped(CreditCheckInput.RuleSet);
        shipped.Content.Should().Contain(original);

        var result = await PublishAsync(host, shipped with { Content = shipped.Content.Replace(original, broken, StringComparison.Ordinal) });

        result.Published.Should().BeFalse(problem);
        result.Diagnostics.Should().Contain(d => d.Element == "credit-limit/WithinCreditLimit", problem);
        (await store.CountVersionsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_rule_file_that_is_not_valid_json_is_refused_with_its_line_and_nothing_is_written()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var host = store.StartHost();
        var shipped = RuleStoreFixture.Shipped(CreditCheckInput.RuleSet);
        var broken = shipped with { Content = shipped.Content.Replace("\"SuccessEvent\": \"within-limit\",", "\"SuccessEvent\": \"within-limit\"", StringComparison.Ordinal) };
        broken.Content.Should().NotBe(shipped.Content);

        var result = await PublishAsync(host, broken);

        result.Published.Should().BeFalse();
        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(RuleDiagnosticCodes.InvalidJson);
        diagnostic.Line.Should().Be(shipped.Content.Split('\n').ToList().FindIndex(l => l.Contains("\"SuccessEvent\": \"within-limit\"", StringComparison.Ordinal)) + 2);
        (await store.CountVersionsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_publication_is_all_or_nothing_across_rule_sets()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var host = store.StartHost();
        var terms = RuleStoreFixture.Shipped(PaymentTermsInput.RuleSet);
        var brokenTerms = terms with { Content = terms.Content.Replace("terms.TermDays <= 60", "terms.TermDayz <= 60", StringComparison.Ordinal) };

        var result = await host.GetRequiredService<RuleSetPublisher>().PublishAsync(
            new PublishRequest([RuleStoreFixture.Shipped(CreditCheckInput.RuleSet), brokenTerms], [], "credit.manager"), CancellationToken.None);

        result.Published.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle(d => d.Element == "payment-terms/AgreedTermWithin60DaysOfInvoice");
        (await store.CountVersionsAsync()).Should().Be(0, "the valid credit-limit file is not published alone");
    }

    [Fact]
    public async Task A_version_whose_what_if_cases_fail_is_refused_and_nothing_is_written()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var host = store.StartHost();

        var result = await PublishAsync(host, CreditLimitWith(HalvedLimitRule), [RuleStoreFixture.ShippedCases(CreditCheckInput.RuleSet)]);

        result.Published.Should().BeFalse();
        result.Diagnostics.Should().Contain(d => d.Code == RuleDiagnosticCodes.WhatIfFailed && d.Element!.StartsWith("credit-limit/", StringComparison.Ordinal));
        (await store.CountVersionsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_decision_is_explained_with_the_rules_of_its_own_version_after_the_rule_set_changed()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var host = store.StartHost();
        var subject = new DecisionSubject("order", "SO-2026-0042");
        await PublishAsync(host, RuleStoreFixture.Shipped(CreditCheckInput.RuleSet));
        await store.SaveAsync((await DecideAsync(host)).RecordFor(subject));
        store.Clock.Advance(TimeSpan.FromHours(1));
        await PublishAsync(host, CreditLimitWith(HalvedLimitRule));
        var blocked = await DecideAsync(host);
        var blockedId = await store.SaveAsync(blocked.RecordFor(subject));

        var explanations = await host.GetRequiredService<DecisionLog>().ExplainAsync("order", "SO-2026-0042", CancellationToken.None);

        blockedId.Should().BePositive();
        explanations.Should().HaveCount(2);
        var (first, second) = (explanations[0], explanations[1]);
        first.Version.Version.Should().Be(1);
        first.Version.Author.Should().Be("credit.manager");
        first.Rules.Single(r => r.RuleName == "WithinCreditLimit").Should().BeEquivalentTo(new { IsSuccess = true, Expression = ShippedLimitRule }, o => o.ExcludingMissingMembers());
        second.Version.Version.Should().Be(2);
        second.Decision.ContentHash.Should().Be(blocked.Version.ContentHash);
        var why = second.Rules.Single(r => r.RuleName == "WithinCreditLimit");
        why.Should().BeEquivalentTo(new { IsSuccess = false, Expression = HalvedLimitRule }, o => o.ExcludingMissingMembers());
        why.ErrorMessage.Should().Contain("exceeds the credit limit");
        why.Description.Should().Contain("credit insurer");
        why.Parameters["limit"].GetDecimal().Should().Be(40_000m);
        why.Parameters["exposureAfterOrder"].GetDecimal().Should().Be(30_000m);
        second.Decision.InputsJson.Should().Contain("\"orderAmount\":10000").And.Contain("\"exposure\":20000");
        second.Decision.EvaluatedAt.Should().Be(store.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_version_with_an_effective_date_applies_from_that_date_only()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var host = store.StartHost();
        await PublishAsync(host, RuleStoreFixture.Shipped(CreditCheckInput.RuleSet));
        var monday = store.Clock.GetUtcNow().AddDays(7);

        var result = await PublishAsync(host, CreditLimitWith(HalvedLimitRule), effectiveFrom: monday);
        var evaluator = host.GetRequiredService<RuleEvaluator>();
        var today = await evaluator.EvaluateAsync(CreditCheckInput.RuleSet, [Order]);
        var fromMonday = await evaluator.EvaluateAsync(CreditCheckInput.RuleSet, [Order], asOf: monday);

        result.Published.Should().BeTrue();
        today.Version.Version.Should().Be(1);
        fromMonday.Version.Version.Should().Be(2);
        fromMonday.Outcome.IsSuccess("WithinCreditLimit").Should().BeFalse();
    }

    [Fact]
    public async Task An_effective_date_in_the_past_is_refused()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var host = store.StartHost();

        var result = await PublishAsync(host, RuleStoreFixture.Shipped(CreditCheckInput.RuleSet), effectiveFrom: store.Clock.GetUtcNow().AddDays(-1));

        result.Published.Should().BeFalse();
        result.Diagnostics.Should().Contain(d => d.Message.Contains("in the past"));
        (await store.CountVersionsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Publishing_unchanged_content_keeps_the_current_version()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var host = store.StartHost();
        await PublishAsync(host, RuleStoreFixture.Shipped(CreditCheckInput.RuleSet));

        var again = await PublishAsync(host, RuleStoreFixture.Shipped(CreditCheckInput.RuleSet));

        again.RuleSets.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Version = 1, Unchanged = true }, o => o.ExcludingMissingMembers());
        (await store.CountVersionsAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Evaluating_a_rule_set_that_was_never_published_says_so()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var host = store.StartHost();

        var act = () => DecideAsync(host);

        await act.Should().ThrowAsync<RuleSetNotFoundException>().WithMessage("*credit-limit*o2c rules publish*");
    }

    [Fact]
    public async Task A_credit_check_blocks_an_order_with_the_failed_rules_and_records_why()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var host = store.StartHost();
        await PublishAsync(host, RuleStoreFixture.Shipped(CreditCheckInput.RuleSet));
        var check = host.GetRequiredService<CreditCheck>();

        var released = await check.DecideAsync("SO-1", Order, store.Clock.GetUtcNow(), CancellationToken.None);
        var blocked = await check.DecideAsync("SO-2", Order with { OrderAmount = 25_000m, OverdueAmount = 4_000m, OldestOverdueDays = 40 }, store.Clock.GetUtcNow(), CancellationToken.None);
        var blockedId = await store.SaveAsync(blocked.Record);

        released.Should().BeEquivalentTo(new { Blocked = false, ReleaseNeedsSecondApprover = false, RuleSetVersion = 1 }, o => o.ExcludingMissingMembers());
        blocked.Blocked.Should().BeTrue();
        blocked.Reasons.Select(r => r.RuleName).Should().Equal("WithinCreditLimit", "NoOldOverdueItems");
        blocked.ReleaseNeedsSecondApprover.Should().BeFalse();
        var explanation = (await host.GetRequiredService<DecisionLog>().ExplainAsync(CreditCheck.SubjectType, "SO-2", CancellationToken.None)).Should().ContainSingle().Subject;
        explanation.Decision.Id.Should().Be(blockedId);
        explanation.Rules.Where(r => !r.IsSuccess).Select(r => r.RuleName).Should().Contain(["WithinCreditLimit", "NoOldOverdueItems"]);
    }
}
