using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Content;

namespace OrderToCash.Core.Reasons;

public static class ReasonServiceCollectionExtensions
{
    /// <summary>The reason taxonomy, loaded from its file at start.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">Section <c>Reasons:File</c>.</param>
    /// <param name="contentRoot">Where to look upwards for reasons/reason-codes.json when Reasons:File is not set.</param>
    /// <param name="fileWins">
    /// The file is the source (re-applied at every start, as the rules folder is in development); otherwise it only adds
    /// the codes the database lacks, and edits made through the API last.
    /// </param>
    public static IServiceCollection AddOrderToCashReasons(this IServiceCollection services, IConfiguration configuration, string contentRoot, bool fileWins = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var reasonsFile = configuration["Reasons:File"] ?? FindReasonsFile(contentRoot);
        services.AddHostedService(sp => new ReasonCodeLoader(reasonsFile, fileWins, sp.GetRequiredService<DatabaseOptions>(), sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ReasonCodeLoader>>()));
        services.AddSingleton<ReasonTaxonomyEditing>();
        return services;
    }

    private static string? FindReasonsFile(string contentRoot)
    {
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            if (RepositoryFolder.FindUpwards(start, "reasons") is { } folder && File.Exists(Path.Combine(folder, "reason-codes.json")))
            {
                return Path.Combine(folder, "reason-codes.json");
            }
        }

        return null;
    }
}
