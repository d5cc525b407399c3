using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Definitions;
using OrderToCash.Engine.Rules.WhatIf;

namespace OrderToCash.Cli.Commands.Rules;

/// <summary>
/// <c>o2c validate</c> for *.json: a rule file is read strictly, every expression compiled and screened by the sandbox;
/// a what-if file (top-level "cases") is checked for shape and for naming a known rule set.
/// </summary>
internal sealed class RuleFileValidator : IFileValidator
{
    public string Kind => "rules";

    public bool CanValidate(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !Core.Infrastructure.Content.RuleFolder.IsSchema(path);

    public async Task<IReadOnlyList<Diagnostic>> ValidateAsync(string path, CancellationToken cancellationToken)
    {
        var source = await RuleSource.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (!WhatIfReader.LooksLikeWhatIfFile(source.Content))
        {
            return RuleTooling.CreateValidator().Validate([source], []).Diagnostics;
        }

        var (suite, diagnostics) = WhatIfReader.Read(path, source.Content);
        if (suite is not null && !OrderToCashRuleSets.CreateCatalog().TryGetInputs(suite.RuleSetName, out _))
        {
            return [new Diagnostic(path, suite.RuleSetName, null, null, RuleDiagnosticCodes.UnknownRuleSet, $"The what-if file targets '{suite.RuleSetName}', which is not a known rule set.")];
        }

        return diagnostics;
    }
}
