using System.Reflection;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.WhatIf;

namespace OrderToCash.Core.Infrastructure.Content;

/// <summary>
/// The rules (with their what-if cases), workflows and reason taxonomy the product ships. Run from a clone, the
/// repository's folders (rules/, workflows/, reasons/ found upwards) are read, so an edit counts at once; anywhere else
/// (the o2c tool installed with <c>dotnet tool install</c>, a container) the copies embedded in this assembly at build.
/// </summary>
public static class ShippedContent
{
    private const string Prefix = "shipped/";

    /// <summary>The rule files and what-if files of rules/ found upwards from <paramref name="searchFrom"/>, else the shipped ones.</summary>
    public static async Task<(IReadOnlyList<RuleSource> RuleFiles, IReadOnlyList<RuleSource> WhatIfFiles)> LoadRulesAsync(string searchFrom, CancellationToken cancellationToken)
    {
        if (RuleFolder.Find(searchFrom) is { } folder)
        {
            return await RuleFolder.LoadAsync(folder, cancellationToken).ConfigureAwait(false);
        }

        var files = Embedded("rules/").Where(f => f.Name.EndsWith(".json", StringComparison.Ordinal) && !RuleFolder.IsSchema(f.Name)).Select(f => new RuleSource(f.Name, f.Content)).ToList();
        return ([.. files.Where(f => !WhatIfReader.LooksLikeWhatIfFile(f.Content))], [.. files.Where(f => WhatIfReader.LooksLikeWhatIfFile(f.Content))]);
    }

    /// <summary>The BPMN files of workflows/ found upwards from <paramref name="searchFrom"/> (file name, XML), else the shipped ones.</summary>
    public static async Task<IReadOnlyList<ShippedFile>> LoadWorkflowsAsync(string searchFrom, CancellationToken cancellationToken)
    {
        if (RepositoryFolder.FindUpwards(searchFrom, "workflows") is not { } folder)
        {
            return [.. Embedded("workflows/").Where(f => f.Name.EndsWith(".bpmn", StringComparison.Ordinal)).Select(f => f with { Name = Path.GetFileName(f.Name) })];
        }

        var files = new List<ShippedFile>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            files.Add(new ShippedFile(Path.GetFileName(path), await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)));
        }

        return files;
    }

    /// <summary>The shipped reason taxonomy (reasons/reason-codes.json as built).</summary>
    public static ShippedFile ReasonCodes() => Embedded("reasons/").Single(f => f.Name == "reasons/reason-codes.json");

    /// <summary>The embedded files under <paramref name="folder"/> ("rules/"), named by their path in the repository, in order.</summary>
    public static IReadOnlyList<ShippedFile> Embedded(string folder)
    {
        var assembly = typeof(ShippedContent).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + folder, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new ShippedFile(n[Prefix.Length..], Read(assembly, n)))];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>A shipped file: its name (e.g. <c>order-to-cash.bpmn</c>, <c>rules/credit-limit.json</c>) and content.</summary>
public sealed record ShippedFile(string Name, string Content);
