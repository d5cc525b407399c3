using System.CommandLine;
using OrderToCash.Core.Infrastructure.Content;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Diagnostics;

namespace OrderToCash.Cli.Commands.Rules;

/// <summary>
/// <c>o2c rules test [--rules folder] [--format json]</c>: compiles every rule file of the folder and runs every what-if
/// case under it. Exit 0 when all cases pass and all files are valid, 1 otherwise.
/// </summary>
internal static class RulesTestCommand
{
    public static Command Create()
    {
        var folder = new Option<string?>("--rules") { Description = "The rules folder (default: rules/ found from the working directory upwards)." };
        var format = CliOptions.Format();
        var command = new Command("test", "Run the what-if cases of rules/tests/ against the rule files of rules/.");
        command.Options.Add(folder);
        command.Options.Add(format);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = RuleTooling.ResolveFolder(parseResult.GetValue(folder));
            var (ruleFiles, whatIfFiles) = await RuleFolder.LoadAsync(path, cancellationToken).ConfigureAwait(false);
            var report = RuleTooling.CreateValidator().Validate(ruleFiles, whatIfFiles);
            var problems = report.Diagnostics.Where(d => d.Code != Engine.Rules.Definitions.RuleDiagnosticCodes.WhatIfFailed).ToList();
            problems.AddRange(OrphanSuites(ruleFiles, whatIfFiles));
            var passed = report.Cases.Count(c => c.Passed);
            var ok = report.IsValid && passed == report.Cases.Count && problems.TrueForAll(p => p.Severity != DiagnosticSeverity.Error);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                await output.WriteLineAsync(CliJson.Serialize(new
                {
                    passed = ok,
                    total = report.Cases.Count,
                    failed = report.Cases.Count - passed,
                    cases = report.Cases.Select(c => new { ruleSet = c.RuleSetName, @case = c.CaseName, passed = c.Passed, expected = c.Expected, actual = c.Actual, failures = c.Failures }),
                    diagnostics = problems,
                })).ConfigureAwait(false);
                return ok ? CliApp.Ok : CliApp.Problems;
            }

            foreach (var diagnostic in problems)
            {
                await output.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
            }

            var ruleSetWidth = Math.Max(8, report.Cases.Select(c => c.RuleSetName.Length).DefaultIfEmpty().Max());
            var caseWidth = Math.Max(4, report.Cases.Select(c => c.CaseName.Length).DefaultIfEmpty().Max());
            await output.WriteLineAsync($"{"RULE SET".PadRight(ruleSetWidth)}  {"CASE".PadRight(caseWidth)}  RESULT").ConfigureAwait(false);
            foreach (var result in report.Cases)
            {
                await output.WriteLineAsync($"{result.RuleSetName.PadRight(ruleSetWidth)}  {result.CaseName.PadRight(caseWidth)}  {(result.Passed ? "pass" : "FAIL")}").ConfigureAwait(false);
                foreach (var failure in result.Failures)
                {
                    await output.WriteLineAsync($"{string.Empty.PadRight(ruleSetWidth)}    - {failure}").ConfigureAwait(false);
                }
            }

            await output.WriteLineAsync($"{passed}/{report.Cases.Count} case(s) passed, {problems.Count(d => d.Severity == DiagnosticSeverity.Error)} file problem(s).").ConfigureAwait(false);
            return ok ? CliApp.Ok : CliApp.Problems;
        });
        return command;
    }

    /// <summary>A what-if file whose rule set no rule file defines would silently run nothing: that is an error.</summary>
    private static IEnumerable<Diagnostic> OrphanSuites(IReadOnlyList<Engine.Rules.RuleSource> ruleFiles, IReadOnlyList<Engine.Rules.RuleSource> whatIfFiles)
    {
        var defined = ruleFiles.SelectMany(f => Engine.Rules.Definitions.RuleFileReader.Read(f.Path, f.Content).RuleSets).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var file in whatIfFiles)
        {
            if (Engine.Rules.WhatIf.WhatIfReader.Read(file.Path, file.Content).Suite is { } suite && !defined.Contains(suite.RuleSetName))
            {
                yield return new Diagnostic(file.Path, suite.RuleSetName, null, null, Engine.Rules.Definitions.RuleDiagnosticCodes.UnknownRuleSet,
                    $"No valid rule file defines '{suite.RuleSetName}', so none of this file's {suite.Cases.Count} case(s) ran.");
            }
        }
    }
}
