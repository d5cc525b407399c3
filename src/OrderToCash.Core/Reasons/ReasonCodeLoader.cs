using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Infrastructure.Content;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Reasons;

/// <summary>
/// Loads the reason taxonomy file into <c>reason_codes</c> at host start. An invalid file stops the host with every
/// problem listed: disputes routed with a half-read taxonomy would be worse than no start. With no file configured nor
/// found (an installed host, a container), the shipped taxonomy is loaded (<see cref="ShippedContent"/>). The upsert runs
/// under the database-wide startup lock, so hosts started together insert each code once.
/// </summary>
internal sealed partial class ReasonCodeLoader(string? file, bool fileWins, DatabaseOptions database, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReasonCodeLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (file is not null && !File.Exists(file))
        {
            LogNoFile(logger, file);
            return;
        }

        var shipped = file is null ? ShippedContent.ReasonCodes() : null;
        var (origin, content) = shipped is not null
            ? ($"{shipped.Name} (shipped)", shipped.Content)
            : (file!, await File.ReadAllTextAsync(file!, cancellationToken).ConfigureAwait(false));
        var result = ReasonCodeFile.Parse(content, origin);
        if (result.Problems.Count > 0)
        {
            throw new InvalidOperationException($"The reason taxonomy {origin} is invalid; nothing was loaded:{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
        }

        int count;
        await using (await StartupLock.AcquireAsync(database.Provider, database.ResolveConnectionString(), cancellationToken).ConfigureAwait(false))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrderToCashDbContext>();
            var author = origin.Length <= 200 ? origin : $"…{origin[^199..]}";
            count = await ReasonTaxonomy.UpsertAsync(db, result, fileWins, author, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        LogLoaded(logger, count, origin);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} reason code(s) from {File}")]
    private static partial void LogLoaded(ILogger logger, int count, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No reason taxonomy file at {File}: the reason codes in the database are used as they are (set Reasons:File)")]
    private static partial void LogNoFile(ILogger logger, string file);
}
