using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Definitions;
using OrderToCash.Engine.Rules.WhatIf;

namespace OrderToCash.Engine.Rules.Store;

/// <summary>
/// Publishes rule files as new immutable versions, all or nothing: if any file is invalid, any expression does not
/// compile or is refused by the sandbox, or any what-if case fails, nothing is written. Each version stores the cases
/// that gate it (ADR 0100): the cases of the version it replaces always run. A rule set whose content and cases did
/// not change keeps its current version. Used by <c>o2c rules publish</c>, the development file watcher and the API.
/// </summary>
public sealed class RuleSetPublisher(Func<DbContext> createContext, RuleSetValidator validator, TimeProvider clock)
{
    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var usage = new List<Diagnostic>();
        if (string.IsNullOrWhiteSpace(request.Author))
        {
            usage.Add(new Diagnostic("publish", null, null, null, RuleDiagnosticCodes.InvalidField, "An author is required: every version says who published it."));
        }

        if (request.EffectiveFrom is { } effective && effective < now)
        {
            usage.Add(new Diagnostic("publish", null, null, null, RuleDiagnosticCodes.InvalidField,
                $"The effective date {effective:O} is in the past; a version may not change decisions already taken (now is {now:O})."));
        }

        if (request.RuleFiles.Count == 0)
        {
            usage.Add(new Diagnostic("publish", null, null, null, RuleDiagnosticCodes.InvalidField, "No rule file to publish."));
        }

        var report = validator.Validate(request.RuleFiles, request.WhatIfFiles);
        var diagnostics = usage.Concat(report.Diagnostics).ToList();
        if (diagnostics.Exists(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new PublishResult(false, diagnostics, report.Cases, []);
        }

        await using var db = createContext();
        var names = report.RuleSets.Select(r => r.Name).ToList();
        // Headers and cases only (a rule set has tens of versions, not millions): simple SQL on every provider.
        var latest = (await db.Set<RuleSetVersion>().AsNoTracking()
                .Where(v => names.Contains(v.Name))
                .Select(v => new { v.Name, v.Version, v.ContentHash })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(v => v.Name)
            .Select(g => g.MaxBy(v => v.Version)!)
            .ToList();
        var cases = report.Cases.ToList();
        var plans = new List<(CompiledRuleSet RuleSet, int? Current, bool SameContent, IReadOnlyList<WhatIfCase> Cases, bool CasesChanged)>();
        foreach (var ruleSet in report.RuleSets)
        {
            var current = latest.Find(l => l.Name == ruleSet.Name);
            var storedJson = current is null ? null : await db.Set<RuleSetVersion>().AsNoTracking()
                .Where(v => v.Name == ruleSet.Name && v.Version == current.Version).Select(v => v.Cases)
                .SingleAsync(cancellationToken).ConfigureAwait(false);
            var stored = current is null ? new WhatIfSuite(ruleSet.Name, ruleSet.Name, []) : StoredCases.Read(ruleSet.Name, current.Version, storedJson);
            IReadOnlyList<WhatIfCase> next;
            WhatIfSuite gate;
            if (request.Cases is { } replacements && replacements.TryGetValue(ruleSet.Name, out var replacement))
            {
                // The editor's deliberate case change: the new set replaces the stored one and gates this version.
                gate = replacement;
                next = replacement.Cases;
            }
            else
            {
                // Every other path: the cases of the version being replaced always run; submitted cases only add to them.
                gate = stored;
                var submitted = Submitted(request.WhatIfFiles, ruleSet.Name);
                next = [.. stored.Cases, .. submitted.Where(c => stored.Cases.All(s => s.Name != c.Name))];
            }

            foreach (var result in WhatIfRunner.Run(ruleSet, gate))
            {
                cases.Add(result);
                if (!result.Passed)
                {
                    diagnostics.Add(new Diagnostic(gate.Source, $"{result.RuleSetName}/{result.CaseName}", null, null, RuleDiagnosticCodes.WhatIfFailed,
                        $"What-if case '{result.CaseName}' ({gate.Source}) fails: {string.Join("; ", result.Failures)}."));
                }
            }

            plans.Add((ruleSet, current?.Version, current?.ContentHash == ruleSet.ContentHash, next, !StoredCases.Same(stored.Cases, next)));
        }

        if (diagnostics.Exists(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new PublishResult(false, diagnostics, cases, []);
        }

        var published = new List<PublishedRuleSet>();
        foreach (var (ruleSet, current, sameContent, next, casesChanged) in plans)
        {
            if (current is { } unchanged && sameContent && !casesChanged && request.EffectiveFrom is null)
            {
                published.Add(new PublishedRuleSet(ruleSet.Name, unchanged, ruleSet.ContentHash, Unchanged: true));
                continue;
            }

            var version = (current ?? 0) + 1;
            db.Set<RuleSetVersion>().Add(new RuleSetVersion
            {
                Name = ruleSet.Name,
                Version = version,
                ContentHash = ruleSet.ContentHash,
                Content = ruleSet.Definition.CanonicalJson,
                Author = request.Author.Trim(),
                Comment = request.Comment,
                PublishedAt = now.ToUniversalTime(),
                // PostgreSQL stores instants in UTC only; every provider compares them as UTC.
                EffectiveFrom = (request.EffectiveFrom ?? now).ToUniversalTime(),
                Source = ruleSet.Definition.Source,
                Cases = StoredCases.Write(next),
            });
            published.Add(new PublishedRuleSet(ruleSet.Name, version, ruleSet.ContentHash, Unchanged: false));
        }

        try
        {
            // One SaveChanges is one transaction: every host sees all of this publication or none of it.
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException ex)
        {
            diagnostics.Add(new Diagnostic("publish", null, null, null, RuleDiagnosticCodes.DuplicateName,
                $"Another publication of {string.Join(", ", names)} happened at the same time; nothing was written, publish again. ({ex.InnerException?.Message ?? ex.Message})"));
            return new PublishResult(false, diagnostics, cases, []);
        }

        return new PublishResult(true, diagnostics, cases, published);
    }

    private static List<WhatIfCase> Submitted(IReadOnlyList<RuleSource> whatIfFiles, string ruleSetName) =>
        [.. whatIfFiles.Select(f => WhatIfReader.Read(f.Path, f.Content).Suite).OfType<WhatIfSuite>()
            .Where(s => s.RuleSetName == ruleSetName).SelectMany(s => s.Cases)];
}

/// <summary>
/// RulesEngine JSON files (one or more rule sets each), submitted what-if files (they must pass and are added to the
/// stored cases: the cases of the version being replaced always run too, so no caller can leave one out), who
/// publishes and why, from when the versions apply (now when null; never in the past), and — the editor's deliberate
/// change only — per rule set the case set that replaces the stored one.
/// </summary>
public sealed record PublishRequest(
    IReadOnlyList<RuleSource> RuleFiles,
    IReadOnlyList<RuleSource> WhatIfFiles,
    string Author,
    string? Comment = null,
    DateTimeOffset? EffectiveFrom = null,
    IReadOnlyDictionary<string, WhatIfSuite>? Cases = null);

public sealed record PublishResult(bool Published, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<WhatIfCaseResult> Cases, IReadOnlyList<PublishedRuleSet> RuleSets);

/// <summary>A published rule set; <c>Unchanged</c> when its content equals the current version, so no version was created.</summary>
public sealed record PublishedRuleSet(string Name, int Version, string ContentHash, bool Unchanged);
