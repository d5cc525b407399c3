using OrderToCash.Engine.Rules.Inputs;
using RulesEngine.Models;

namespace OrderToCash.Engine.Rules.Definitions;

/// <summary>
/// One rule set (a RulesEngine <see cref="Workflow"/>) as read from a file or from the store, with the canonical
/// JSON it was read from and the SHA-256 of that JSON, which identifies the content across hosts and versions.
/// </summary>
public sealed record RuleSetDefinition(string Name, Workflow Workflow, string CanonicalJson, string ContentHash, string Source)
{
    /// <summary>What the rule set says it reads (its <c>"Inputs"</c>); null when the file declares nothing.</summary>
    public InputDeclaration? Inputs { get; init; }
}
