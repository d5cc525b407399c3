using System.CommandLine;
using OrderToCash.Engine.Diagnostics;

namespace OrderToCash.Cli.Commands;

/// <summary>
/// <c>o2c validate &lt;files or folders&gt;</c>: checks BPMN and rule files. Exit 0 when all are valid,
/// 1 when any error is found, 2 on a usage error (nothing to validate, unknown path).
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(IReadOnlyList<IFileValidator> validators)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (searched recursively) to validate.", Arity = ArgumentArity.OneOrMore };
        var format = CliOptions.Format();
        var command = new Command("validate", "Validate BPMN workflows (*.bpmn) and rule files (*.json): one diagnostic per problem.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var files = ExpandPaths(parseResult.GetValue(paths) ?? [], validators);
            var results = new List<FileResult>();
            foreach (var file in files)
            {
                var validator = validators.First(v => v.CanValidate(file));
                var diagnostics = await validator.ValidateAsync(file, cancellationToken).ConfigureAwait(false);
                results.Add(new FileResult(file, validator.Kind, diagnostics));
            }

            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                await output.WriteLineAsync(CliJson.Serialize(new
                {
                    valid = results.TrueForAll(r => r.IsValid),
                    files = results.Select(r => new { file = r.File, kind = r.Kind, valid = r.IsValid, diagnostics = r.Diagnostics }),
                })).ConfigureAwait(false);
            }
            else
            {
                foreach (var result in results)
                {
                    foreach (var diagnostic in result.Diagnostics)
                    {
                        await output.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
                    }
                }

                var invalid = results.Count(r => !r.IsValid);
                await output.WriteLineAsync($"{results.Count} file(s) checked, {invalid} with errors, {results.Sum(r => r.Diagnostics.Count)} diagnostic(s).").ConfigureAwait(false);
            }

            return results.TrueForAll(r => r.IsValid) ? CliApp.Ok : CliApp.Problems;
        });
        return command;
    }

    private static List<string> ExpandPaths(IEnumerable<string> paths, IReadOnlyList<IFileValidator> validators)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (!validators.Any(v => v.CanValidate(path)))
                {
                    throw new CliUsageException($"'{path}' is neither a BPMN file (*.bpmn) nor a rule file (*.json).");
                }

                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => validators.Any(v => v.CanValidate(f)))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                throw new CliUsageException($"'{path}' does not exist.");
            }
        }

        return files.Count == 0 ? throw new CliUsageException("No BPMN or rule file found in the given paths.") : files;
    }

    private sealed record FileResult(string File, string Kind, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public bool IsValid => Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
    }
}

/// <summary>Validates one kind of definition file for <c>o2c validate</c>.</summary>
internal interface IFileValidator
{
    /// <summary>"bpmn" or "rules": shown in the JSON output.</summary>
    string Kind { get; }

    bool CanValidate(string path);

    Task<IReadOnlyList<Diagnostic>> ValidateAsync(string path, CancellationToken cancellationToken);
}
