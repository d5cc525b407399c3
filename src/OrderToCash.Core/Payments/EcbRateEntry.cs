using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.ReferenceTables;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Payments;

/// <summary>
/// Entering ECB rates (ADR 0101): the new version of the table and the charge of every pending interest it now covers
/// commit in ONE transaction, so a rate is never in force while interest waits for it, and a concurrent entry or
/// settlement replays on fresh data (<see cref="LostRace"/>): each pending interest is charged exactly once. After the
/// commit, the credit manager's task for each entered semester is closed (<see cref="EcbRateWorkflow.Entered"/>).
/// </summary>
/// <param name="createContext">The database.</param>
/// <param name="clock">The time of entries and charges.</param>
/// <param name="logger">Where a missing workflow is reported.</param>
/// <param name="runtime">The workflow runtime that asks for and closes the tasks; null in <c>o2c</c>, whose entries close the
/// tasks at the host's next follow-up (<see cref="FollowUpAsync"/>).</param>
public sealed partial class EcbRateEntry(Func<OrderToCashDbContext> createContext, TimeProvider clock, ILogger<EcbRateEntry> logger, DurableWorkflowRuntime? runtime = null)
{
    /// <summary>Replaces the table with <paramref name="rates"/> (semester → rate; every semester in force must stay).</summary>
    public Task<EcbRateEntryResult> PutAsync(IReadOnlyDictionary<string, decimal?>? rates, string author, string? comment, CancellationToken cancellationToken) =>
        EnterAsync(_ => Task.FromResult(rates), author, comment, cancellationToken);

    /// <summary>Sets one semester's rate, the others as they are.</summary>
    public Task<EcbRateEntryResult> SetAsync(string? semester, decimal? rate, string author, string? comment, CancellationToken cancellationToken) =>
        EnterAsync(async db =>
        {
            var current = await EcbRates.CurrentAsync(db, cancellationToken).ConfigureAwait(false);
            var rates = current.Rates.ToDictionary(r => r.Key.ToString(), r => (decimal?)r.Value, StringComparer.Ordinal);
            rates[semester?.Trim() ?? string.Empty] = rate;
            return (IReadOnlyDictionary<string, decimal?>?)rates;
        }, author, comment, cancellationToken);

    /// <summary>
    /// After a settlement recorded pending interest (and at start): charges what the table covers now (a rate entered
    /// while the settlement committed), then asks for each missing semester's rate with ONE task per semester (the
    /// message id is the semester's: a second request is a duplicate). Returns the semesters newly asked for.
    /// </summary>
    public async Task<IReadOnlyList<Semester>> FollowUpAsync(CancellationToken cancellationToken)
    {
        var (missing, answered) = await LostRace.RetryAsync(async _ =>
        {
            await using var db = createContext();
            var latest = await EcbRates.LatestAsync(db, cancellationToken).ConfigureAwait(false);
            var table = latest.Table();
            var waiting = (await db.Set<PendingInterest>().AsNoTracking().Where(p => p.Status == PendingInterestStatus.Pending)
                .Select(p => p.Semester).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false))
                .Select(s => Semester.TryParse(s)!.Value).ToList();
            if (waiting.Any(s => table.RateFor(s) is not null))
            {
                await PendingInterests.ChargeCoveredAsync(db, table, latest.Version, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            // The semesters whose task was already asked for are not asked again; those whose rate arrived meanwhile
            // (o2c, a lost message) have their task closed.
            var asked = (await WorkflowQueries.Instances(db)
                .Where(i => i.ProcessId == EcbRateWorkflow.ProcessId)
                .Select(i => new { i.BusinessKey, i.EndedAt }).ToListAsync(cancellationToken).ConfigureAwait(false))
                .Where(i => Semester.TryParse(i.BusinessKey) is not null)
                .Select(i => (Semester: Semester.TryParse(i.BusinessKey)!.Value, Open: i.EndedAt == null))
                .ToList();
            var toAsk = waiting.Where(s => table.RateFor(s) is null && asked.All(a => a.Semester != s)).Order().ToList();
            var toClose = asked.Where(a => a.Open && table.RateFor(a.Semester) is not null).Select(a => a.Semester).ToList();
            return (toAsk, toClose.Select(s => EcbRateWorkflow.EnteredMessage(s, latest.Version)).ToList());
        }, cancellationToken).ConfigureAwait(false);
        if (missing.Count == 0 && answered.Count == 0)
        {
            return missing;
        }

        if (runtime is null || runtime.Definitions.Latest(EcbRateWorkflow.ProcessId) is null)
        {
            if (missing.Count > 0)
            {
                LogNoWorkflow(logger, string.Join(", ", missing));
            }

            return missing;
        }

        await runtime.CorrelateManyAsync([.. missing.Select(EcbRateWorkflow.MissingMessage), .. answered], cancellationToken).ConfigureAwait(false);
        return missing;
    }

    private async Task<EcbRateEntryResult> EnterAsync(Func<DbContext, Task<IReadOnlyDictionary<string, decimal?>?>> rates, string author, string? comment, CancellationToken cancellationToken)
    {
        var result = await LostRace.RetryAsync(async _ =>
        {
            await using var db = createContext();
            var entry = await PendingInterests.EnterRatesAsync(db, await rates(db).ConfigureAwait(false), author, comment, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (entry.Change.IsValid)
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            return entry;
        }, cancellationToken).ConfigureAwait(false);
        if (result.Change.ChangedSemesters.Count > 0 && runtime?.Definitions.Latest(EcbRateWorkflow.ProcessId) is not null)
        {
            // The semester's task, if one waits, ends: its question is answered. A lost message leaves a task whose
            // answer then changes nothing (the same rate is not a new version).
            await runtime.CorrelateManyAsync([.. result.Change.ChangedSemesters.Select(s => EcbRateWorkflow.EnteredMessage(s, result.Change.Version.Version))], cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Late-payment interest waits for the ECB rate of {Semesters}, but ecb-rate.bpmn is not published: no task asks for it (enter it with PUT /api/reference/ecb-rates or o2c reference ecb-rates set)")]
    private static partial void LogNoWorkflow(ILogger logger, string semesters);
}

/// <param name="Change">The table version in force after the entry, or the problems.</param>
/// <param name="Charged">The pending interest charged by the entry.</param>
public sealed record EcbRateEntryResult(EcbRateTableChange Change, IReadOnlyList<ChargedInterest> Charged);
