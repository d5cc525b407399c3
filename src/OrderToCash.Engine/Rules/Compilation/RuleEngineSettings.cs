using RulesEngine.Models;

namespace OrderToCash.Engine.Rules.Compilation;

/// <summary>
/// The one RulesEngine configuration used to parse, screen and evaluate rules, so that what was checked at publish is
/// exactly what runs. RulesEngine's defaults otherwise (case-insensitive member access), so that files written for
/// RulesEngine behave here as they do there.
/// </summary>
public static class RuleEngineSettings
{
    public static ReSettings Create(params Type[] customTypes) => new()
    {
        CustomTypes = customTypes,
        EnableExceptionAsErrorMessage = true,
    };
}
