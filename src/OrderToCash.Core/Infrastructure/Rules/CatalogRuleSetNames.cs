using OrderToCash.Core.Infrastructure.Workflows;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.Core.Infrastructure.Rules;

/// <summary>
/// The rule sets business-rule tasks may name: the ones the product's rule catalog declares, and every rule set
/// published in the store (a rule set the code does not know, created with its declared inputs).
/// </summary>
internal sealed class CatalogRuleSetNames(RuleSetCatalog catalog, RuleSetRuntime runtime) : IRuleSetNames
{
    public IReadOnlyCollection<string> Names() =>
        [.. catalog.Names.Union(runtime.PublishedNames(), StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
