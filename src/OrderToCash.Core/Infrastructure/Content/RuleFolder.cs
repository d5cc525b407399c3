using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.WhatIf;

namespace OrderToCash.Core.Infrastructure.Content;

/// <summary>
/// The rules/ folder layout: rule files (RulesEngine JSON) at the top, what-if case files under tests/.
/// A JSON file is a what-if file when it has a top-level "cases" array, wherever it is.
/// </summary>
public static class RuleFolder
{
    public const string TestsFolder = "tests";

    public static async Task<(IReadOnlyList<RuleSource> RuleFiles, IReadOnlyList<RuleSource> WhatIfFiles)> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        var ruleFiles = new List<RuleSource>();
        var whatIfFiles = new List<RuleSource>();
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The rules folder '{folder}' does not exist.");
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Where(p => !IsSchema(p)).Order(StringComparer.Ordinal))
        {
            var source = await RuleSource.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            (WhatIfReader.LooksLikeWhatIfFile(source.Content) ? whatIfFiles : ruleFiles).Add(source);
        }

        return (ruleFiles, whatIfFiles);
    }

    /// <summary>The JSON Schema of rule files (rule-file.schema.json) lives beside them but is not one.</summary>
    public static bool IsSchema(string path) => path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The rules/ folder next to the working directory or one of its parents (the repository root in development).</summary>
    public static string? Find(string start) => RepositoryFolder.FindUpwards(start, "rules");
}
