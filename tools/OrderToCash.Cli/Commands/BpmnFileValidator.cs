using System.Text.Json;
using OrderToCash.Engine.Bpmn.Parsing;
using OrderToCash.Engine.Bpmn.Validation;
using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Cli.Commands;

/// <summary>
/// Validates *.bpmn files for <c>o2c validate</c>. The catalog is built without a running host: handler names from
/// the <see cref="WorkflowHandler{TInput, TOutput}"/> classes compiled into the CLI's assemblies (the domain and
/// the CLI), rule set names from the RulesEngine files under the repository's <c>rules/</c> folder (each
/// workflow's <c>WorkflowName</c>, and the file name). Call activities are checked against the file itself only.
/// </summary>
internal sealed class BpmnFileValidator : IFileValidator
{
    private readonly Lazy<IReadOnlyList<HandlerDescriptor>> _handlers = new(() => HandlerCatalog.Discover(
        [typeof(BpmnFileValidator).Assembly, typeof(Core.Infrastructure.Persistence.OrderToCashDbContext).Assembly]));

    public string Kind => "bpmn";

    public bool CanValidate(string path) => path.EndsWith(".bpmn", StringComparison.OrdinalIgnoreCase);

    public Task<IReadOnlyList<Diagnostic>> ValidateAsync(string path, CancellationToken cancellationToken)
    {
        var document = BpmnParser.ParseFile(path, path);
        var catalog = new WorkflowCatalog(_handlers.Value, RuleSetNames(path));
        return Task.FromResult(BpmnValidator.Validate(document, catalog).Diagnostics);
    }

    internal static List<string> RuleSetNames(string bpmnPath)
    {
        var rules = FindRulesFolder(Path.GetDirectoryName(Path.GetFullPath(bpmnPath)));
        var names = new List<string>();
        if (rules is null)
        {
            return names;
        }

        foreach (var file in Directory.EnumerateFiles(rules, "*.json", SearchOption.TopDirectoryOnly))
        {
            names.Add(Path.GetFileNameWithoutExtension(file));
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllText(file));
                var workflows = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.EnumerateArray().ToList() : [json.RootElement];
                names.AddRange(workflows
                    .Where(w => w.ValueKind == JsonValueKind.Object && w.TryGetProperty("WorkflowName", out var name) && name.ValueKind == JsonValueKind.String)
                    .Select(w => w.GetProperty("WorkflowName").GetString()!));
            }
            catch (JsonException)
            {
                // A broken rule file is the rules validator's finding; here it only contributes its file name.
            }
        }

        return names;
    }

    /// <summary>The <c>rules</c> folder beside the nearest <c>OrderToCash.sln</c> above the file, if any.</summary>
    private static string? FindRulesFolder(string? directory)
    {
        for (var current = directory; current is not null; current = Path.GetDirectoryName(current))
        {
            if (File.Exists(Path.Combine(current, "OrderToCash.sln")))
            {
                var rules = Path.Combine(current, "rules");
                return Directory.Exists(rules) ? rules : null;
            }
        }

        return null;
    }
}
