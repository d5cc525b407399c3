using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Escalation;
using OrderToCash.Core.Infrastructure.Content;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Decisions;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.IntegrationTests.Rules;

/// <summary>The domain services that interpret the shipped escalation and dispute-routing rule sets.</summary>
public class DomainDecisionTests
{
    private static async Task<IServiceProvider> HostWithShippedRulesAsync(RuleStoreFixture store)
    {
        var host = store.StartHost();
        var (rules, cases) = await RuleFolder.LoadAsync(RepositoryPaths.Rules, CancellationToken.None);
        var result = await host.GetRequiredService<RuleSetPublisher>().PublishAsync(new PublishRequest(rules, cases, "test"), CancellationToken.None);
        result.Published.Should().BeTrue(string.Join("; ", result.Diagnostics));
        return host;
    }

    [Fact]
    public async Task The_reminder_ladder_picks_the_highest_step_with_the_penalty_rate_and_indemnity()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var host = await HostWithShippedRulesAsync(store);
        var ladder = host.GetRequiredService<ReminderLadder>();

        var at = store.Clock.GetUtcNow();
        // The ECB rate of the due date's semester comes from the reference table (2025-H2: 2.15 %); the rules add 10 points.
        var late = await ladder.DecideAsync("INV-1", new EscalationInput(new DateTime(2025, 11, 20), new DateTime(2025, 9, 30), 2_400m, "Standard", 2, false, false, true) { EcbRefinancingRate = 2.15m }, at, CancellationToken.None);
        var disputed = await ladder.DecideAsync("INV-2", new EscalationInput(new DateTime(2025, 11, 20), new DateTime(2025, 9, 30), 2_400m, "Standard", 2, true, false, true), at, CancellationToken.None);
        var beyondTable = await ladder.DecideAsync("INV-3", new EscalationInput(new DateTime(2026, 9, 20), new DateTime(2026, 8, 31), 900m, "Standard", 1, false, false, true), at, CancellationToken.None);
        await store.SaveAsync(late.Record);

        late.Should().BeEquivalentTo(new { Step = "FinalNotice", Paused = false, PenaltyRatePercent = 12.15m, IndemnityEur = 40m }, o => o.ExcludingMissingMembers());
        disputed.Should().BeEquivalentTo(new { Step = (string?)null, Paused = true, IndemnityEur = 40m }, o => o.ExcludingMissingMembers());
        beyondTable.Should().BeEquivalentTo(new { Step = "FormalReminder", PenaltyRatePercent = (decimal?)null, IndemnityEur = 40m }, o => o.ExcludingMissingMembers(), "the table lacks 2026-H2: no rate, never a made-up one");
        (await host.GetRequiredService<DecisionLog>().ExplainAsync(ReminderLadder.SubjectType, "INV-1", CancellationToken.None)).Should().ContainSingle()
            .Which.Decision.InputsJson.Should().Contain("\"daysOverdue\":51");
    }

    [Fact]
    public async Task A_recorded_routing_decision_gives_the_dispute_its_owner_and_SLA_and_large_ones_alert_the_credit_manager()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var host = await HostWithShippedRulesAsync(store);
        var router = host.GetRequiredService<DisputeRouter>();
        async Task<DecisionRecord> RecordAsync(string number, DisputeRoutingInput input)
        {
            var decision = await host.GetRequiredService<RuleEvaluator>().EvaluateAsync(DisputeRoutingInput.RuleSet, [input], store.Clock.GetUtcNow(), CancellationToken.None);
            var record = decision.RecordFor(new DecisionSubject(DisputeRouter.SubjectType, number));
            await store.SaveAsync(record);
            return record;
        }

        var transport = await router.ReadAsync(await RecordAsync("D-1", new DisputeRoutingInput("QUALITE_ERR", 18_000m, TransportDamage: true, DealNotEntered: false)), CancellationToken.None);
        var unknown = await router.ReadAsync(await RecordAsync("D-2", new DisputeRoutingInput("OTHER", 100m, false, false)), CancellationToken.None);

        transport.Should().BeEquivalentTo(new { Route = "DamagedInTransport", Department = "Carrier", ResolutionSlaDays = 15, CreditManagerAttention = true, RuleSetVersion = 1 }, o => o.ExcludingMissingMembers());
        unknown.Should().BeEquivalentTo(new { Route = (string?)null, Department = (string?)null, CreditManagerAttention = false }, o => o.ExcludingMissingMembers());
        (await host.GetRequiredService<DecisionLog>().ExplainAsync(DisputeRouter.SubjectType, "D-1", CancellationToken.None)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_recorded_decision_replays_to_the_same_outcome_after_the_rules_changed()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var host = await HostWithShippedRulesAsync(store);
        var input = new EscalationInput(new DateTime(2025, 11, 20), new DateTime(2025, 9, 30), 2_400m, "Standard", 2, false, false, true);
        await store.SaveAsync((await host.GetRequiredService<ReminderLadder>().DecideAsync("INV-9", input, store.Clock.GetUtcNow(), CancellationToken.None)).Record);
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Rules, "escalation.json"));
        store.Clock.Advance(TimeSpan.FromDays(1));
        var changed = await host.GetRequiredService<RuleSetPublisher>().PublishAsync(
            // A deliberate change: the final-notice cases go with it (the editor's case replacement).
            new PublishRequest([new RuleSource("escalation.json", shipped.Replace("? 30 : 45", "? 30 : 60", StringComparison.Ordinal))], [], "test",
                Cases: new Dictionary<string, OrderToCash.Engine.Rules.WhatIf.WhatIfSuite> { ["escalation"] = new("test", "escalation", []) }),
            CancellationToken.None);
        changed.Published.Should().BeTrue(string.Join("; ", changed.Diagnostics));
        var record = (await host.GetRequiredService<DecisionLog>().ExplainAsync(ReminderLadder.SubjectType, "INV-9", CancellationToken.None)).Single().Decision;

        var replayed = await host.GetRequiredService<RuleEvaluator>().ReplayAsync(record);
        var today = await host.GetRequiredService<RuleEvaluator>().EvaluateAsync(EscalationInput.RuleSet, [input]);

        replayed.IsSuccess("FinalNotice").Should().BeTrue("version 1 sends the final notice at 45 days");
        System.Text.Json.JsonSerializer.Serialize(replayed.Rules, DecisionLogJson).Should().Be(record.ResultsJson);
        today.Version.Version.Should().Be(2);
        today.Outcome.IsSuccess("FinalNotice").Should().BeFalse("version 2 waits 60 days");
    }

    private static readonly System.Text.Json.JsonSerializerOptions DecisionLogJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
