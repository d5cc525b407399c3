using OrderToCash.Core.Infrastructure.Workflows;
using OrderToCash.Engine.Rules.Compilation;

namespace OrderToCash.Core.Infrastructure.Rules;

/// <summary>The rule sets business-rule tasks may name: the ones the product's rule catalog declares.</summary>
internal sealed class CatalogRuleSetNames(RuleSetCatalog catalog) : IRuleSetNames
{
    public IReadOnlyCollection<string> Names() => catalog.Names;
}
