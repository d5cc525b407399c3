using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Infrastructure.Content;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Infrastructure.Workflows;

/// <summary>
/// Development: publishes the workflows/ folder at start, so the run command shows the product's processes without a
/// manual publication — but only the files that changed since they were last published from the folder: a version
/// the process owner published since (designer, API) is never replaced behind their back by the unchanged file. Every
/// file's fate is logged. A file that does not validate is logged and skipped. Production publishes explicitly.
/// </summary>
public sealed partial class WorkflowFolderPublisher(string folder, DefinitionStore definitions, ILogger<WorkflowFolderPublisher> logger) : IHostedService
{
    /// <summary>The publisher name of the folder's versions (followed by the machine name).</summary>
    public const string Publisher = "workflow-folder@";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var xml = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            var last = await definitions.LastPublishedFromAsync(file, Publisher, cancellationToken).ConfigureAwait(false);
            if (last is not null && last.ContentHash == DefinitionStore.ContentHash(xml))
            {
                if (last.LatestVersion == last.Version)
                {
                    LogUnchanged(logger, file, last.ProcessId, last.Version);
                }
                else
                {
                    LogKeptNewer(logger, file, last.ProcessId, last.Version, last.LatestVersion, last.LatestPublishedBy);
                }

                continue;
            }

            var result = await definitions.PublishAsync(xml, file, Publisher + Environment.MachineName, cancellationToken).ConfigureAwait(false);
            if (!result.Published)
            {
                LogRefused(logger, file, string.Join(Environment.NewLine, result.Diagnostics));
                continue;
            }

            foreach (var version in result.Versions)
            {
                if (version.Created)
                {
                    LogPublished(logger, version.ProcessId, version.Version, file, last is null ? "first publication from the folder" : "the file changed since it was last published from the folder");
                }
                else
                {
                    LogAlreadyPublished(logger, file, version.ProcessId, version.Version);
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The workflows/ folder next to the working directory or one of its parents (the repository in development).</summary>
    public static string? Find(string start) => RepositoryFolder.FindUpwards(start, "workflows");

    [LoggerMessage(Level = LogLevel.Information, Message = "Process {ProcessId} version {Version} published from {File} ({Reason})")]
    private static partial void LogPublished(ILogger logger, string processId, int version, string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{File} unchanged since it was published from the folder as {ProcessId} version {Version}: not published again")]
    private static partial void LogUnchanged(ILogger logger, string file, string processId, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} unchanged since it was published from the folder as {ProcessId} version {Version}: not published again, version {Latest} published by {PublishedBy} stays the latest")]
    private static partial void LogKeptNewer(ILogger logger, string file, string processId, int version, int latest, string publishedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "{File}: its content is already {ProcessId} version {Version}; nothing published")]
    private static partial void LogAlreadyPublished(ILogger logger, string file, string processId, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} was not published:\n{Diagnostics}")]
    private static partial void LogRefused(ILogger logger, string file, string diagnostics);
}
