using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Definitions;
using OrderToCash.Engine.Rules.WhatIf;

namespace OrderToCash.Engine.Rules;

/// <summary>
/// The whole publish-time check, shared by publishing, <c>o2c validate</c>, <c>o2c rules test</c> and the file watcher:
/// strict JSON schema, eager compilation and sandbox screening of every expression, then the what-if cases.
/// </summary>
public sealed class RuleSetValidator(RuleSetCompiler compiler)
{
    public RuleValidationReport Validate(IReadOnlyList<RuleSource> ruleFiles, IReadOnlyList<RuleSource> whatIfFiles)
    {
        ArgumentNullException.ThrowIfNull(ruleFiles);
        ArgumentNullException.ThrowIfNull(whatIfFiles);
        var diagnostics = new List<Diagnostic>();
        var compiled = new List<CompiledRuleSet>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in ruleFiles)
        {
            var read = RuleFileReader.Read(file.Path, file.Content);
            diagnostics.AddRange(read.Diagnostics);
            foreach (var definition in read.RuleSets)
            {
                if (seen.TryGetValue(definition.Name, out var other))
                {
                    diagnostics.Add(new Diagnostic(file.Path, definition.Name, null, null, RuleDiagnosticCodes.DuplicateName,
                        $"The rule set '{definition.Name}' is also defined in {other}; publish one definition per rule set."));
                    continue;
                }

                seen[definition.Name] = file.Path;
                var compilation = compiler.Compile(definition);
                diagnostics.AddRange(compilation.Diagnostics);
                if (compilation.RuleSet is { } ruleSet)
                {
                    compiled.Add(ruleSet);
                }
            }
        }

        var cases = new List<WhatIfCaseResult>();
        foreach (var file in whatIfFiles)
        {
            var (suite, problems) = WhatIfReader.Read(file.Path, file.Content);
            diagnostics.AddRange(problems);
            if (suite is null)
            {
                continue;
            }

            var ruleSet = compiled.Find(r => r.Name == suite.RuleSetName);
            if (ruleSet is null)
            {
                continue;
            }

            foreach (var result in WhatIfRunner.Run(ruleSet, suite))
            {
                cases.Add(result);
                if (!result.Passed)
                {
                    diagnostics.Add(new Diagnostic(file.Path, $"{result.RuleSetName}/{result.CaseName}", null, null, RuleDiagnosticCodes.WhatIfFailed,
                        $"What-if case '{result.CaseName}' fails: {string.Join("; ", result.Failures)}."));
                }
            }
        }

        return new RuleValidationReport(compiled, diagnostics, cases);
    }
}

public sealed record RuleValidationReport(IReadOnlyList<CompiledRuleSet> RuleSets, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<WhatIfCaseResult> Cases)
{
    public bool IsValid => Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
}
