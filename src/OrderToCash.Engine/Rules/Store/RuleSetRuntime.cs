using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Definitions;

namespace OrderToCash.Engine.Rules.Store;

/// <summary>
/// Resolves which version of a rule set applies at an instant, and hands out its compiled form. One per host.
/// Correctness across hosts comes from the database, speed from two caches that can never be stale (docs/adr/0021):
/// compiled rule sets are cached by content hash (the same hash is the same rules forever), and the version index
/// is reloaded whenever the highest version id in the database moved, which one indexed MAX query tells per resolution.
/// A publication is one insert transaction, so a host sees either all of it or none of it.
/// </summary>
public sealed class RuleSetRuntime(Func<DbContext> createContext, RuleSetCompiler compiler)
{
    private readonly ConcurrentDictionary<string, CompiledRuleSet> _compiled = new(StringComparer.Ordinal);
    private volatile VersionIndex _index = VersionIndex.Empty;

    /// <summary>The names of every rule set published in the store (a business-rule task may name any of them).</summary>
    public IReadOnlyList<string> PublishedNames()
    {
        using var db = createContext();
        return [.. db.Set<RuleSetVersion>().AsNoTracking().Select(v => v.Name).Distinct().ToList().Order(StringComparer.Ordinal)];
    }

    public async Task<ResolvedRuleSet> ResolveAsync(string ruleSetName, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var generation = await db.Set<RuleSetVersion>().MaxAsync(v => (long?)v.Id, cancellationToken).ConfigureAwait(false) ?? 0;
        var index = _index;
        if (index.Generation != generation)
        {
            index = await LoadIndexAsync(db, cancellationToken).ConfigureAwait(false);
            _index = index;
        }

        var header = index.Find(ruleSetName, asOf)
            ?? throw new RuleSetNotFoundException(ruleSetName, asOf);
        return new ResolvedRuleSet(header, await GetCompiledAsync(db, header, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A specific version, e.g. to replay or explain a recorded decision.</summary>
    public async Task<ResolvedRuleSet> ResolveVersionAsync(string ruleSetName, int version, CancellationToken cancellationToken)
    {
        // A published version never changes: one the index already holds, with its compiled rules, needs no query (a
        // step applying the decision it just recorded replays it).
        if (_index.Find(ruleSetName, version) is { } known && _compiled.TryGetValue(known.ContentHash, out var compiled))
        {
            return new ResolvedRuleSet(known, compiled);
        }

        await using var db = createContext();
        var header = await db.Set<RuleSetVersion>().AsNoTracking()
            .Where(v => v.Name == ruleSetName && v.Version == version)
            .Select(v => new RuleSetVersionHeader(v.Id, v.Name, v.Version, v.ContentHash, v.EffectiveFrom, v.PublishedAt, v.Author, v.Comment))
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new RuleSetNotFoundException(ruleSetName, version);
        return new ResolvedRuleSet(header, await GetCompiledAsync(db, header, cancellationToken).ConfigureAwait(false));
    }

    private async Task<CompiledRuleSet> GetCompiledAsync(DbContext db, RuleSetVersionHeader header, CancellationToken cancellationToken)
    {
        if (_compiled.TryGetValue(header.ContentHash, out var compiled))
        {
            return compiled;
        }

        var content = await db.Set<RuleSetVersion>().AsNoTracking()
            .Where(v => v.Id == header.Id).Select(v => v.Content)
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        var definition = RuleFileReader.FromCanonical($"{header.Name} v{header.Version}", content);
        var compilation = compiler.Compile(definition);
        if (compilation.RuleSet is null)
        {
            // Only possible when the code's input models changed incompatibly since the version was published.
            throw new InvalidOperationException(
                $"Rule set '{header.Name}' version {header.Version} no longer compiles against the current input models: {string.Join("; ", compilation.Diagnostics)}");
        }

        return _compiled.GetOrAdd(header.ContentHash, compilation.RuleSet);
    }

    private static async Task<VersionIndex> LoadIndexAsync(DbContext db, CancellationToken cancellationToken)
    {
        var headers = await db.Set<RuleSetVersion>().AsNoTracking()
            .Select(v => new RuleSetVersionHeader(v.Id, v.Name, v.Version, v.ContentHash, v.EffectiveFrom, v.PublishedAt, v.Author, v.Comment))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new VersionIndex(headers);
    }

    private sealed class VersionIndex
    {
        public static readonly VersionIndex Empty = new([]);

        private readonly Dictionary<string, RuleSetVersionHeader[]> _byName;

        public VersionIndex(List<RuleSetVersionHeader> headers)
        {
            Generation = headers.Count == 0 ? 0 : headers.Max(h => h.Id);
            // Newest effective first; for the same effective instant, the later version wins.
            _byName = headers.GroupBy(h => h.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(h => h.EffectiveFrom).ThenByDescending(h => h.Version).ToArray(), StringComparer.Ordinal);
        }

        public long Generation { get; }

        public RuleSetVersionHeader? Find(string name, DateTimeOffset asOf) =>
            _byName.TryGetValue(name, out var versions) ? Array.Find(versions, v => v.EffectiveFrom <= asOf) : null;

        public RuleSetVersionHeader? Find(string name, int version) =>
            _byName.TryGetValue(name, out var versions) ? Array.Find(versions, v => v.Version == version) : null;
    }
}

/// <summary>The identity of a version without its content.</summary>
public sealed record RuleSetVersionHeader(long Id, string Name, int Version, string ContentHash, DateTimeOffset EffectiveFrom, DateTimeOffset PublishedAt, string Author, string? Comment);

/// <summary>The version that applies, and its compiled rules.</summary>
public sealed record ResolvedRuleSet(RuleSetVersionHeader Version, CompiledRuleSet RuleSet);

public sealed class RuleSetNotFoundException : InvalidOperationException
{
    public RuleSetNotFoundException(string ruleSetName, DateTimeOffset asOf)
        : base($"No version of rule set '{ruleSetName}' is effective at {asOf:O}; publish one with 'o2c rules publish'.")
    {
    }

    public RuleSetNotFoundException(string ruleSetName, int version)
        : base($"Rule set '{ruleSetName}' has no version {version}.")
    {
    }

    public RuleSetNotFoundException()
    {
    }

    public RuleSetNotFoundException(string message)
        : base(message)
    {
    }

    public RuleSetNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
