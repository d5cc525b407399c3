using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Workflows;

/// <summary>
/// Development: publishes the workflows/ folder at start (a new version only where a file changed), so the run command
/// shows the product's processes without a manual publication. A file that does not validate is logged and skipped.
/// Production publishes explicitly (designer or API), each version with its author.
/// </summary>
public sealed partial class WorkflowFolderPublisher(string folder, DefinitionStore definitions, ILogger<WorkflowFolderPublisher> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var result = await definitions.PublishAsync(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false),
                file, $"workflow-folder@{Environment.MachineName}", cancellationToken).ConfigureAwait(false);
            if (result.Published)
            {
                foreach (var version in result.Versions.Where(v => v.Created))
                {
                    LogPublished(logger, version.ProcessId, version.Version, file);
                }
            }
            else
            {
                var diagnostics = string.Join(Environment.NewLine, result.Diagnostics);
                LogRefused(logger, file, diagnostics);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The workflows/ folder next to the working directory or one of its parents (the repository in development).</summary>
    public static string? Find(string start) => RepositoryFolder.FindUpwards(start, "workflows");

    [LoggerMessage(Level = LogLevel.Information, Message = "Process {ProcessId} version {Version} published from {File}")]
    private static partial void LogPublished(ILogger logger, string processId, int version, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} was not published:\n{Diagnostics}")]
    private static partial void LogRefused(ILogger logger, string file, string diagnostics);
}
