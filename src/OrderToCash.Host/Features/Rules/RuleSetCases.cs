using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.RootCauses;
using OrderToCash.Engine.Rules.WhatIf;

namespace OrderToCash.Host.Features.Rules;

/// <summary>
/// The what-if cases that gate a rule set: those stored with its latest version (ADR 0100). The server, not the page,
/// decides which cases a publication must pass; the editor changes them only by publishing a new version.
/// </summary>
internal static class RuleSetCases
{
    /// <summary>The cases of the latest version of <paramref name="ruleSetName"/> (none when it was never published).</summary>
    public static async Task<WhatIfSuite> LatestAsync(OrderToCashDbContext db, string ruleSetName, CancellationToken cancellationToken)
    {
        var latest = await db.RuleSetVersions.AsNoTracking().Where(v => v.Name == ruleSetName)
            .OrderByDescending(v => v.Version).Select(v => new { v.Version, v.Cases })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return latest is null ? new WhatIfSuite(ruleSetName, ruleSetName, []) : StoredCases.Read(ruleSetName, latest.Version, latest.Cases);
    }

    /// <summary>
    /// Who may publish a rule set: the credit rules only a credit manager; the root-cause thresholds also Quality;
    /// the others credit managers and process owners.
    /// </summary>
    public static string[] Publishers(string ruleSetName) => ruleSetName switch
    {
        CreditCheckInput.RuleSet => [Roles.CreditManager],
        RootCauseInput.RuleSet => [Roles.CreditManager, Roles.ProcessOwner, Roles.Quality],
        _ => [Roles.CreditManager, Roles.ProcessOwner],
    };

    public static bool MayPublish(ClaimsPrincipal user, string ruleSetName) =>
        Publishers(ruleSetName).Any(user.IsInRole);

    public static IResult Forbidden(string ruleSetName) => Results.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: $"Publishing the rule set '{ruleSetName}' needs the role {string.Join(" or ", Publishers(ruleSetName))}; nothing was published.");
}

/// <summary>A what-if case as the editor shows it: where it comes from, its inputs and the expected result per rule and outcome.</summary>
internal sealed record WhatIfCaseView(string Source, string Name, IReadOnlyDictionary<string, System.Text.Json.JsonElement> Inputs, IReadOnlyDictionary<string, bool> Expect, IReadOnlyList<string>? Outcome);
