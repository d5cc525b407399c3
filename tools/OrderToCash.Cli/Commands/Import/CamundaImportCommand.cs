using System.CommandLine;
using OrderToCash.Engine.Bpmn.Import;
using OrderToCash.Engine.Bpmn.Validation;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Cli.Commands.Import;

/// <summary>
/// <c>o2c import camunda FILE [--mapping FILE] [--output FILE] [--format json]</c>: turns a Camunda 7 or 8 model into
/// ours (ADR 0069) and lists what it could not carry, each naming its element. Exit 0 when written (findings that
/// were dropped are listed), 1 when something essential is unmapped (nothing written), 2 on a usage error.
/// </summary>
internal static class CamundaImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The Camunda 7 or Camunda 8 BPMN file." };
        var mappingOption = new Option<FileInfo?>("--mapping") { Description = "JSON: {\"handlers\": {job type|topic|class: handler}, \"roles\": {group: role}, \"ruleSets\": {decision: rule set}}." };
        var outputOption = new Option<FileInfo?>("--output") { Description = "Where to write our BPMN (default: <file>.o2c.bpmn beside it)." };
        var format = CliOptions.Format();
        var command = new Command("camunda", "Convert a Camunda 7/8 model: job types, topics and classes to handlers, candidate groups to roles; reports what it could not map.");
        command.Arguments.Add(file);
        command.Options.Add(mappingOption);
        command.Options.Add(outputOption);
        command.Options.Add(format);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var source = Existing(parseResult.GetValue(file)!);
            var mapping = parseResult.GetValue(mappingOption) is { } mappingFile
                ? ReadMapping(Existing(mappingFile), await File.ReadAllTextAsync(Existing(mappingFile).FullName, cancellationToken).ConfigureAwait(false))
                : CamundaMapping.Empty;
            var target = parseResult.GetValue(outputOption)
                ?? new FileInfo(Path.Combine(source.DirectoryName!, Path.GetFileNameWithoutExtension(source.Name) + ".o2c.bpmn"));
            if (source.Length > 8 * 1024 * 1024)
            {
                throw new CliUsageException($"'{source.Name}' is larger than 8 MB.");
            }

            var catalog = new WorkflowCatalog(
                HandlerCatalog.Discover([typeof(CamundaImportCommand).Assembly, typeof(Core.Infrastructure.Persistence.OrderToCashDbContext).Assembly]),
                BpmnFileValidator.RuleSetNames(source.FullName));
            var result = CamundaImport.Convert(await File.ReadAllTextAsync(source.FullName, cancellationToken).ConfigureAwait(false), source.Name, mapping, catalog, Core.Infrastructure.Security.Roles.BuiltIn);
            if (result.Xml is not null)
            {
                await File.WriteAllTextAsync(target.FullName, result.Xml, cancellationToken).ConfigureAwait(false);
            }

            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                await output.WriteLineAsync(CliJson.Serialize(new { file = source.Name, result.Dialect, written = result.Xml is null ? null : target.FullName, findings = result.Findings })).ConfigureAwait(false);
            }
            else
            {
                foreach (var finding in result.Findings)
                {
                    var position = finding.Line is null ? string.Empty : $"({finding.Line})";
                    await output.WriteLineAsync($"{source.Name}{position}: {(finding.Essential ? "error" : "dropped")}{(finding.ElementId is null ? string.Empty : $" [{finding.ElementId}]")}: {finding.Message}").ConfigureAwait(false);
                }

                await output.WriteLineAsync(result.Xml is null
                    ? $"o2c: {source.Name} ({result.Dialect}) was not converted: {result.Findings.Count(f => f.Essential)} essential element(s) could not be mapped; nothing was written."
                    : $"o2c: {source.Name} ({result.Dialect}) converted to {target.FullName}; {result.Findings.Count} finding(s).").ConfigureAwait(false);
            }

            return result.Xml is null ? CliApp.Problems : CliApp.Ok;
        });
        return command;
    }

    private static FileInfo Existing(FileInfo file) => file.Exists ? file : throw new CliUsageException($"'{file.FullName}' does not exist.");

    private static CamundaMapping ReadMapping(FileInfo file, string json)
    {
        try
        {
            return CamundaMapping.Read(json);
        }
        catch (FormatException ex)
        {
            throw new CliUsageException($"{file.Name}: {ex.Message}");
        }
    }
}
