using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Infrastructure.Content;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.Core.Infrastructure.Rules;

/// <summary>
/// Development only: publishes the rules/ folder at start and again whenever a file in it changes, so an edited rule
/// applies on the next evaluation without a restart. Each publication goes through the same checks as
/// <c>o2c rules publish</c> (schema, compilation, sandbox, what-if cases); an invalid edit is logged and not published.
/// Production publishes explicitly (CLI or API) so that every version has a named author and a comment.
/// </summary>
public sealed partial class RuleFileWatcher(string folder, RuleSetPublisher publisher, ILogger<RuleFileWatcher> logger) : BackgroundService
{
    /// <summary>Editors write a file in several steps; changes closer than this are published once.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    private FileSystemWatcher? _watcher;

    /// <summary>
    /// Watches the folder, then publishes it before the host serves its first request (hosted services start before
    /// the server), so no request meets a rule set that is still being published; a change made meanwhile is queued.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _watcher = new FileSystemWatcher(folder, "*.json") { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
        _watcher.Changed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        _watcher.Created += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        _watcher.Renamed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        _watcher.EnableRaisingEvents = true;
        await PublishAsync("start", cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _changes.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            await Task.Delay(Debounce, stoppingToken).ConfigureAwait(false);
            var changed = new SortedSet<string>(StringComparer.Ordinal);
            while (_changes.Reader.TryRead(out var path))
            {
                changed.Add(Path.GetFileName(path));
            }

            await PublishAsync(string.Join(", ", changed), stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task PublishAsync(string trigger, CancellationToken cancellationToken)
    {
        try
        {
            var (ruleFiles, whatIfFiles) = await RuleFolder.LoadAsync(folder, cancellationToken).ConfigureAwait(false);
            var result = await publisher.PublishAsync(
                new PublishRequest(ruleFiles, whatIfFiles, $"file-watcher@{Environment.MachineName}", $"Reloaded from {folder} ({trigger})"),
                cancellationToken).ConfigureAwait(false);
            if (result.Published)
            {
                foreach (var ruleSet in result.RuleSets.Where(r => !r.Unchanged))
                {
                    LogPublished(logger, ruleSet.Name, ruleSet.Version, trigger);
                }
            }
            else
            {
                LogRefused(logger, trigger, string.Join(Environment.NewLine, result.Diagnostics));
            }
        }
        catch (IOException ex)
        {
            // A file still being written: the next change event publishes it.
            LogUnreadable(logger, trigger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule set {Name} version {Version} published from files ({Trigger})")]
    private static partial void LogPublished(ILogger logger, string name, int version, string trigger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rule files not published ({Trigger}):\n{Problems}")]
    private static partial void LogRefused(ILogger logger, string trigger, string problems);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rule files not readable yet ({Trigger}): {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string trigger, string reason);
}
