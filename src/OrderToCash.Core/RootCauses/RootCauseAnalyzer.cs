using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Core.RootCauses;

/// <summary>
/// The root-cause loop: group the last two periods in the database, ask the root-cause rules which causes recur, open
/// one task per recurring cause for its owning department, and judge deployed fixes once their observation window has
/// elapsed (Verified when the rate dropped by the rules' target, else Reopened with the numbers).
/// </summary>
public sealed class RootCauseAnalyzer(Func<OrderToCashDbContext> createContext, RuleEvaluator rules, TimeProvider clock, RootCauseOptions options)
{
    public const string CauseSubject = "root-cause";
    public const string TaskSubject = "improvement-task";
    private const string OpenEvent = "open-improvement-task";
    private const string FixEffectiveRule = "FixEffective";

    /// <summary>Analyses as of today (the clock's UTC date).</summary>
    public Task<RootCauseAnalysis> AnalyzeAsync(CancellationToken cancellationToken) =>
        AnalyzeAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);

    public async Task<RootCauseAnalysis> AnalyzeAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var current = await RootCauseGrouping.GroupAsync(db, asOf.AddDays(-RootCauseOptions.PeriodDays), asOf, cancellationToken).ConfigureAwait(false);
        var previous = await RootCauseGrouping.GroupAsync(db, asOf.AddDays(-2 * RootCauseOptions.PeriodDays), asOf.AddDays(-RootCauseOptions.PeriodDays), cancellationToken).ConfigureAwait(false);
        var verified = new List<ImprovementTask>();
        var reopened = new List<ImprovementTask>();
        await JudgeDeployedFixesAsync(db, asOf, verified, reopened, cancellationToken).ConfigureAwait(false);

        var openKeys = (await db.Set<ImprovementTask>().AsNoTracking().Where(t => t.OpenCauseKey != null).Select(t => t.OpenCauseKey!)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var created = new List<ImprovementTask>();
        foreach (var cause in current.Causes)
        {
            var input = Input(cause, previous.Find(cause.Key), openKeys.Contains(cause.Key));
            var decision = await rules.EvaluateAsync(RootCauseInput.RuleSet, [input], cancellationToken: cancellationToken).ConfigureAwait(false);
            var fired = decision.Outcome.Succeeded.Where(r => r.SuccessEvent == OpenEvent).Select(r => r.RuleName).ToList();
            if (fired.Count == 0 || input.ImprovementTaskOpen)
            {
                continue;
            }

            // Recorded only when it opens a task: a nightly run over every cause would flood the decision log.
            if (await TryOpenAsync(cause, string.Join(',', fired), decision.RecordFor(new DecisionSubject(CauseSubject, cause.Key)), cancellationToken).ConfigureAwait(false) is { } task)
            {
                created.Add(task);
            }
        }

        return new RootCauseAnalysis(asOf, current, previous, created, verified, reopened);
    }

    private static RootCauseInput Input(RecurringCause cause, RecurringCause? before, bool taskOpen) => new(
        cause.ReasonCode,
        cause.Occurrences,
        cause.DistinctCustomers,
        cause.Amount,
        before?.Occurrences ?? 0,
        taskOpen,
        cause.Department,
        cause.RatePer1000Invoices,
        before?.RatePer1000Invoices ?? 0m);

    /// <summary>
    /// Opens the task and records the decision that opened it, in one transaction. A concurrent analysis that opened the
    /// same cause first makes the insert hit the unique open-cause key: that is not an error, the cause has its task.
    /// </summary>
    private async Task<ImprovementTask?> TryOpenAsync(RecurringCause cause, string triggeredBy, DecisionRecord decision, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        if (await db.Set<ImprovementTask>().AnyAsync(t => t.OpenCauseKey == cause.Key, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            db.Add(decision);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            var task = ImprovementTask.Open(cause, triggeredBy, decision.Id, clock.GetUtcNow());
            db.Add(task);
            db.AddRange(await RootCauseGrouping.EvidenceAsync(db, task.Id, cause, options.EvidenceLimit, cancellationToken).ConfigureAwait(false));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return task;
        }
        catch (DbUpdateException)
        {
            if (await CauseHasTaskAsync(cause.Key, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            throw;
        }
    }

    private async Task<bool> CauseHasTaskAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Set<ImprovementTask>().AnyAsync(t => t.OpenCauseKey == key, cancellationToken).ConfigureAwait(false);
    }

    private async Task JudgeDeployedFixesAsync(OrderToCashDbContext db, DateOnly asOf, List<ImprovementTask> verified, List<ImprovementTask> reopened, CancellationToken cancellationToken)
    {
        var due = asOf.AddDays(-options.ObservationDays);
        var deployed = await db.Set<ImprovementTask>()
            .Where(t => t.Status == ImprovementTaskStatus.FixDeployed && t.FixDeployedOn <= due)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var task in deployed)
        {
            var from = task.FixDeployedOn!.Value;
            var to = from.AddDays(options.ObservationDays);
            var (occurrences, issued, rate) = await RootCauseGrouping.CauseRateAsync(db, task.ReasonCode, task.Department, from, to, cancellationToken).ConfigureAwait(false);
            var input = new RootCauseInput(task.ReasonCode, occurrences, 0, 0m, task.OccurrencesBefore, ImprovementTaskOpen: true, task.Department,
                FixObservationComplete: true, RatePer1000BeforeFix: task.RatePer1000Before, RatePer1000SinceFix: rate);
            var decision = await rules.EvaluateAsync(RootCauseInput.RuleSet, [input], cancellationToken: cancellationToken).ConfigureAwait(false);
            var record = decision.RecordFor(new DecisionSubject(TaskSubject, task.Number));
            db.Add(record);
            var note = string.Create(CultureInfo.InvariantCulture,
                $"{occurrences} occurrence(s) in {issued} invoices from {from:yyyy-MM-dd} to {to.AddDays(-1):yyyy-MM-dd}: {rate:0.##} per 1,000 after the fix against {task.RatePer1000Before:0.##} before");
            var now = clock.GetUtcNow();
            var effective = decision.Outcome.IsSuccess(FixEffectiveRule);
            if (effective)
            {
                task.Verify(rate, $"{note}: dropped by the target.", now);
            }
            else
            {
                task.Reopen(rate, $"{note}: not dropped by the target ({decision.Outcome.Find(FixEffectiveRule)?.ErrorMessage}).", now);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                (effective ? verified : reopened).Add(task);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another analysis judged it, or its department moved it meanwhile: their change stands.
                db.Entry(task).State = EntityState.Detached;
                db.Entry(record).State = EntityState.Detached;
            }
        }
    }
}
