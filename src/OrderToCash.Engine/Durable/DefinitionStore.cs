using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Bpmn.Parsing;
using OrderToCash.Engine.Bpmn.Validation;
using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Runtime;
using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// Published definitions: publishing validates and compiles before anything is written, and creates version N+1 of
/// each executable process whose content changed. Plans are compiled once per (process, version) and cached; the
/// database stays the truth, so every host finds every version.
/// </summary>
public sealed class DefinitionStore(Func<DbContext> createContext, TimeProvider clock, HandlerCatalog registered, Func<WorkflowCatalog> catalog) : IProcessPlanResolver
{
    // Plans run the handlers behind a guard that undoes a failed handler's writes inside the step.
    private readonly HandlerCatalog handlers = new(registered.Handlers.Select(h => new StepGuardedHandler(h)));

    private readonly ConcurrentDictionary<(string ProcessId, int Version), ExecutionPlan> _plans = new();

    /// <summary>
    /// What publishing <paramref name="xml"/> would say about it, with nothing written: the same parse, validator,
    /// catalog and "nothing to publish" rule as <see cref="PublishAsync"/>, so a clean check means publishing succeeds.
    /// </summary>
    public DefinitionValidation Validate(string xml, string sourceName)
    {
        var (_, _, diagnostics, valid) = Check(xml, sourceName);
        return new DefinitionValidation(valid, diagnostics);
    }

    public async Task<PublishResult> PublishAsync(string xml, string sourceName, string publishedBy, CancellationToken cancellationToken)
    {
        var (validation, executable, diagnostics, valid) = Check(xml, sourceName);
        if (!valid)
        {
            return new PublishResult(false, diagnostics, []);
        }

        var hash = ContentHash(xml);
        var deployment = Guid.CreateVersion7(clock.GetUtcNow());
        await using var db = createContext();
        var published = new List<PublishedVersion>();
        foreach (var process in executable)
        {
            var latest = await db.Set<DefinitionRecord>().AsNoTracking()
                .Where(d => d.ProcessId == process.Id)
                .OrderByDescending(d => d.Version)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (latest is not null && latest.ContentHash == hash)
            {
                published.Add(new PublishedVersion(process.Id, latest.Version, Created: false));
                continue;
            }

            var version = (latest?.Version ?? 0) + 1;
            // Compiling now proves the version can run before it exists for anybody.
            var plan = _plans[(process.Id, version)] = ExecutionPlanCompiler.Compile(validation, process.Id, version, handlers);
            // The latest version's timer start events are the ones that start instances, from now on (ADR 0067).
            await StartTimers.ReplaceAsync(db, plan, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            db.Add(new DefinitionRecord
            {
                ProcessId = process.Id,
                Version = version,
                Name = process.Name,
                SourceName = sourceName,
                Xml = xml,
                ContentHash = hash,
                PublishedBy = publishedBy,
                PublishedAt = clock.GetUtcNow(),
                DeploymentId = deployment,
            });
            published.Add(new PublishedVersion(process.Id, version, Created: true));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException ex)
        {
            foreach (var version in published.Where(p => p.Created))
            {
                _plans.TryRemove((version.ProcessId, version.Version), out _);
            }

            throw new WorkflowRuntimeException($"Another publication of {string.Join(", ", executable.Select(p => p.Id))} happened at the same time; publish again. ({ex.InnerException?.Message ?? ex.Message})");
        }

        return new PublishResult(true, validation.Diagnostics, published);
    }

    private (BpmnValidationResult Validation, List<ProcessModel> Executable, IReadOnlyList<Diagnostic> Diagnostics, bool Valid) Check(string xml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var validation = BpmnValidator.Validate(BpmnParser.Parse(xml, sourceName), catalog() with { PublishedCalls = PublishedCalls() });
        var executable = validation.Document.Processes.Where(p => p.IsExecutable).ToList();
        if (validation.IsValid && executable.Count == 0)
        {
            return (validation, executable, [.. validation.Diagnostics, new Diagnostic(sourceName, null, null, null, "PUBLISH001", "The file has no executable process (isExecutable=\"true\"): nothing to publish.")], false);
        }

        return (validation, executable, validation.Diagnostics, validation.IsValid);
    }

    /// <summary>Every published version, newest first per process.</summary>
    public async Task<IReadOnlyList<PublishedDefinition>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Set<DefinitionRecord>().AsNoTracking()
            .OrderBy(d => d.ProcessId).ThenByDescending(d => d.Version)
            .Select(PublishedDefinition.FromRecord)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The BPMN XML of one published version; null when it is not published.</summary>
    public async Task<string?> XmlAsync(string processId, int version, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Set<DefinitionRecord>().AsNoTracking()
            .Where(d => d.ProcessId == processId && d.Version == version)
            .Select(d => d.Xml)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// How many instances of each published version have not ended: running (waiting or advancing) and stopped by an
    /// incident. Versions without such instances are left out.
    /// </summary>
    public async Task<IReadOnlyList<VersionInstances>> OpenInstancesAsync(string? processId, CancellationToken cancellationToken)
    {
        const string running = nameof(InstanceStatus.Running);
        const string incident = nameof(InstanceStatus.Incident);
        await using var db = createContext();
        var open = db.Set<InstanceRecord>().AsNoTracking().Where(i => i.Status == running || i.Status == incident);
        if (processId is not null)
        {
            open = open.Where(i => i.ProcessId == processId);
        }

        var counts = await open
            .GroupBy(i => new { i.ProcessId, i.Version, i.Status })
            .Select(g => new { g.Key.ProcessId, g.Key.Version, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // A called process (credit-release, dunning) runs inside its caller's instance: it counts the instances that
        // are in one of its elements now, per version.
        var inside = db.Set<ElementVisitRecord>().AsNoTracking().Where(v => v.LeftAt == null);
        if (processId is not null)
        {
            inside = inside.Where(v => v.ProcessId == processId);
        }

        var callers = db.Set<InstanceRecord>().AsNoTracking().Where(i => i.Status == running || i.Status == incident);
        var called = await inside
            .Join(callers, v => v.InstanceId, i => i.Id, (v, i) => new { v.ProcessId, v.Version, i.Status, v.InstanceId, CallerId = i.ProcessId })
            .Where(x => x.ProcessId != x.CallerId)
            .GroupBy(x => new { x.ProcessId, x.Version, x.Status })
            .Select(g => new { g.Key.ProcessId, g.Key.Version, g.Key.Status, Count = g.Select(x => x.InstanceId).Distinct().Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. counts.Concat(called)
            .GroupBy(c => (c.ProcessId, c.Version))
            .Select(g => new VersionInstances(g.Key.ProcessId, g.Key.Version, g.Where(c => c.Status == running).Sum(c => c.Count), g.Where(c => c.Status == incident).Sum(c => c.Count)))
            .OrderBy(v => v.ProcessId, StringComparer.Ordinal).ThenByDescending(v => v.Version)];
    }

    /// <summary>What tells two publications of a file apart: the SHA-256 of its XML.</summary>
    public static string ContentHash(string xml) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));

    /// <summary>
    /// The last publication of the file <paramref name="sourceName"/> by a publisher whose name starts with
    /// <paramref name="publishedByPrefix"/> (the development folder publisher), with the latest version of the same
    /// process, whoever published it; null when that publisher never published the file.
    /// </summary>
    public async Task<SourcePublication?> LastPublishedFromAsync(string sourceName, string publishedByPrefix, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var last = await db.Set<DefinitionRecord>().AsNoTracking()
            .Where(d => d.SourceName == sourceName && d.PublishedBy.StartsWith(publishedByPrefix))
            .OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id)
            .Select(d => new { d.ProcessId, d.Version, d.ContentHash })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (last is null)
        {
            return null;
        }

        var latest = await db.Set<DefinitionRecord>().AsNoTracking()
            .Where(d => d.ProcessId == last.ProcessId)
            .OrderByDescending(d => d.Version)
            .Select(d => new { d.Version, d.PublishedBy })
            .FirstAsync(cancellationToken).ConfigureAwait(false);
        return new SourcePublication(last.ProcessId, last.Version, last.ContentHash, latest.Version, latest.PublishedBy);
    }

    /// <summary>The processes the latest version of each published process calls (for the call-cycle check).</summary>
    private Dictionary<string, IReadOnlyCollection<string>> PublishedCalls()
    {
        using var db = createContext();
        var latest = db.Set<DefinitionRecord>().GroupBy(d => d.ProcessId).Select(g => new { ProcessId = g.Key, Version = g.Max(d => d.Version) }).ToList();
        var calls = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        foreach (var version in latest)
        {
            try
            {
                if (Find(version.ProcessId, version.Version) is { } plan)
                {
                    calls[plan.ProcessId] = [.. plan.Nodes.Values.Where(n => n.Kind == FlowNodeKind.CallActivity && n.Model.CalledElement is not null).Select(n => n.Model.CalledElement!).Distinct()];
                }
            }
            catch (WorkflowRuntimeException)
            {
                // A published version that no longer validates calls nothing that could run.
            }
        }

        return calls;
    }

    /// <summary>The latest published version of <paramref name="processId"/>, or null.</summary>
    public ExecutionPlan? Latest(string processId)
    {
        using var db = createContext();
        var version = db.Set<DefinitionRecord>().Where(d => d.ProcessId == processId).Max(d => (int?)d.Version);
        return version is null ? null : Find(processId, version.Value);
    }

    /// <summary>The latest versions that start on <paramref name="messageName"/> (message start events).</summary>
    public IReadOnlyList<ExecutionPlan> StartedBy(string messageName)
    {
        using var db = createContext();
        var latest = db.Set<DefinitionRecord>().GroupBy(d => d.ProcessId).Select(g => new { ProcessId = g.Key, Version = g.Max(d => d.Version) }).ToList();
        return [.. latest
            .Select(l => Find(l.ProcessId, l.Version))
            .OfType<ExecutionPlan>()
            .Where(p => p.StartEvents.Any(s => s.Model.Event.Kind == EventKind.Message && s.Model.Event.MessageName == messageName))];
    }

    public ExecutionPlan? Find(string processId, int version) =>
        _plans.TryGetValue((processId, version), out var plan) ? plan : Load(processId, version);

    public ExecutionPlan? Resolve(string processId, VersionBinding binding, int? version, ExecutionPlan caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        using var db = createContext();
        var candidates = db.Set<DefinitionRecord>().AsNoTracking().Where(d => d.ProcessId == processId);
        int? chosen = binding switch
        {
            VersionBinding.Version => version,
            VersionBinding.Deployment => candidates
                .Where(d => d.DeploymentId == db.Set<DefinitionRecord>().Where(c => c.ProcessId == caller.ProcessId && c.Version == caller.Version).Select(c => c.DeploymentId).FirstOrDefault())
                .Select(d => (int?)d.Version).FirstOrDefault(),
            _ => candidates.Max(d => (int?)d.Version),
        };
        return chosen is null ? null : Find(processId, chosen.Value);
    }

    private ExecutionPlan? Load(string processId, int version)
    {
        using var db = createContext();
        var record = db.Set<DefinitionRecord>().AsNoTracking().FirstOrDefault(d => d.ProcessId == processId && d.Version == version);
        if (record is null)
        {
            return null;
        }

        // Roles were checked at publication; a version that runs is never refused for them afterwards.
        var validation = BpmnValidator.Validate(BpmnParser.Parse(record.Xml, record.SourceName), catalog() with { Roles = null });
        if (!validation.IsValid)
        {
            var errors = string.Join("; ", validation.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
            throw new WorkflowRuntimeException($"The published process '{processId}' version {version} no longer validates against the current handlers and rule sets: {errors}");
        }

        return _plans.GetOrAdd((processId, version), _ => ExecutionPlanCompiler.Compile(validation, processId, version, handlers));
    }
}

/// <summary>Instances of one version that have not ended.</summary>
/// <param name="ProcessId">A process of the file.</param>
/// <param name="Version">The version that publication created (or found).</param>
/// <param name="ContentHash">The file's content hash then.</param>
/// <param name="LatestVersion">The process's latest version now (newer when someone published since).</param>
/// <param name="LatestPublishedBy">Who published the latest version.</param>
public sealed record SourcePublication(string ProcessId, int Version, string ContentHash, int LatestVersion, string LatestPublishedBy);

public sealed record VersionInstances(string ProcessId, int Version, int Running, int Incidents);

/// <summary>The problems a definition has; <c>Valid</c> is true when it would publish (warnings do not block).</summary>
public sealed record DefinitionValidation(bool Valid, IReadOnlyList<Diagnostic> Diagnostics);

public sealed record PublishResult(bool Published, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<PublishedVersion> Versions);

/// <summary>One process of a published file, with the version it now has; <c>Created</c> is false when the content was already the latest version (publishing is idempotent).</summary>
public sealed record PublishedVersion(string ProcessId, int Version, bool Created);
