using OrderToCash.Core.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.WhatIf;

namespace OrderToCash.Host.Features.Rules;

/// <summary>
/// The what-if cases that gate a rule set edited through the API: the files under the rules folder's tests/ (the
/// folder the development host publishes; <c>Rules:Folder</c>, else rules/ found upwards from the content root).
/// The store keeps no cases with a version, so the server, not the page, decides which cases a publication must pass.
/// Read on every call: the files are small and an edit to them applies at once.
/// </summary>
internal sealed class RuleCaseFolder(IConfiguration configuration, IWebHostEnvironment environment)
{
    /// <summary>The folder, or null when the host has none (then no case gates an edit; the page says so).</summary>
    public string? Folder => configuration["Rules:Folder"] ?? RuleFolder.Find(environment.ContentRootPath);

    /// <summary>The what-if files whose <c>ruleSet</c> is <paramref name="ruleSetName"/>, with their path relative to the folder.</summary>
    public async Task<IReadOnlyList<RuleSource>> FilesForAsync(string ruleSetName, CancellationToken cancellationToken)
    {
        if (Folder is not { } folder || !Directory.Exists(folder))
        {
            return [];
        }

        var (_, whatIfFiles) = await RuleFolder.LoadAsync(folder, cancellationToken).ConfigureAwait(false);
        return [.. whatIfFiles
            .Select(f => new RuleSource(Path.GetRelativePath(folder, f.Path).Replace('\\', '/'), f.Content))
            .Where(f => WhatIfReader.Read(f.Path, f.Content).Suite?.RuleSetName == ruleSetName)];
    }

    /// <summary>The cases of those files, read (a malformed file contributes nothing here; publishing reports it).</summary>
    public async Task<IReadOnlyList<WhatIfCaseView>> CasesForAsync(string ruleSetName, CancellationToken cancellationToken)
    {
        var cases = new List<WhatIfCaseView>();
        foreach (var file in await FilesForAsync(ruleSetName, cancellationToken).ConfigureAwait(false))
        {
            if (WhatIfReader.Read(file.Path, file.Content).Suite is { } suite)
            {
                cases.AddRange(suite.Cases.Select(c => new WhatIfCaseView(file.Path, c.Name, c.Inputs, c.Expect)));
            }
        }

        return cases;
    }
}

/// <summary>A what-if case as the editor shows it: where it comes from, its inputs and the expected result per rule.</summary>
internal sealed record WhatIfCaseView(string Source, string Name, IReadOnlyDictionary<string, System.Text.Json.JsonElement> Inputs, IReadOnlyDictionary<string, bool> Expect);
