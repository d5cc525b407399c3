using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.Core.ControlTower;

/// <summary>
/// Where instances pile up: for each element of each published process, the runtime's statistics (waiting now, oldest
/// wait, mean and p90 time), the arrivals and departures of the last 24 hours, the SLA breaches and the bottleneck
/// alerts of the <c>control-tower</c> rules (thresholds the process owner edits like any rule file).
/// </summary>
public sealed class WaitingLines(Func<OrderToCashDbContext> createContext, WorkflowReader reader, RuleEvaluator rules, TimeProvider clock)
{
    public const string SlaProperty = "slaHours";

    public async Task<IReadOnlyList<ElementWaitingLine>> ReadAsync(int days, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var dayAgo = now.AddDays(-1);
        List<string> processes;
        await using (var db = createContext())
        {
            processes = await WorkflowQueries.PublishedProcessIds(db).OrderBy(p => p).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var result = new List<ElementWaitingLine>();
        var rulesPublished = true;
        foreach (var process in processes)
        {
            foreach (var traffic in await reader.ElementTrafficAsync(process, now.AddDays(-days), dayAgo, cancellationToken).ConfigureAwait(false))
            {
                var element = traffic.Statistics;
                var input = new QueueInput(
                    process,
                    element.ElementId,
                    element.WaitingNow,
                    element.OldestWait?.TotalHours ?? 0,
                    element.MeanTime?.TotalHours ?? 0,
                    element.P90Time?.TotalHours ?? 0,
                    traffic.EnteredRecently,
                    traffic.LeftRecently);
                var decision = rulesPublished ? await EvaluateAsync(input, cancellationToken).ConfigureAwait(false) : null;
                rulesPublished = decision is not null;
                var sla = decision?.RuleSet.Rules
                    .Select(r => r.Properties.TryGetValue(SlaProperty, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : (double?)null)
                    .FirstOrDefault(h => h is not null);
                var breaches = sla is null || element.WaitingNow == 0 ? 0 : await reader.WaitingSinceBeforeAsync(process, element.ElementId, now.AddHours(-sla.Value), cancellationToken).ConfigureAwait(false);
                result.Add(new ElementWaitingLine(
                    process,
                    element.ElementId,
                    element.WaitingNow,
                    element.OldestWait?.TotalHours,
                    element.Passages,
                    element.MeanTime?.TotalHours,
                    element.P90Time?.TotalHours,
                    input.EnteredLast24Hours,
                    input.LeftLast24Hours,
                    sla,
                    breaches,
                    decision is null ? [] : [.. decision.Outcome.Succeeded.Select(r => new BottleneckAlert(r.RuleName, r.SuccessEvent ?? r.RuleName))]));
            }
        }

        return result;
    }

    /// <summary>The control-tower rules' decision; none while nobody has published them (the queues still show, without SLA or alerts).</summary>
    private async Task<RuleDecision?> EvaluateAsync(QueueInput input, CancellationToken cancellationToken)
    {
        try
        {
            return await rules.EvaluateAsync(QueueInput.RuleSet, [input], cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RuleSetNotFoundException)
        {
            return null;
        }
    }
}
