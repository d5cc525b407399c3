using System.CommandLine;
using System.Globalization;
using OrderToCash.Core.Infrastructure.Content;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Store;
using OrderToCash.Engine.Rules.WhatIf;

namespace OrderToCash.Cli.Commands.Rules;

/// <summary>
/// <c>o2c rules publish &lt;files or folders&gt; [--author A] [--comment C] [--effective-from ISO-8601] [--format json]</c>:
/// publishes new immutable versions into the configured database, all or nothing. The what-if cases under
/// <c>tests/</c> beside each rule file must pass. Exit 0 published (or unchanged), 1 refused, 2 usage error.
/// </summary>
internal static class RulesPublishCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rule files or folders (a folder: its rule files and its tests/ cases).", Arity = ArgumentArity.OneOrMore };
        var author = new Option<string?>("--author") { Description = "Who publishes (default: the operating-system user)." };
        var comment = new Option<string?>("--comment") { Description = "Why: shown with the version in every explanation." };
        var effectiveFrom = new Option<string?>("--effective-from") { Description = "ISO-8601 instant from which the versions apply (default: now; never in the past)." };
        var format = CliOptions.Format();
        var command = new Command("publish", "Validate rule files, run their what-if cases and publish them as new versions.");
        command.Arguments.Add(paths);
        command.Options.Add(author);
        command.Options.Add(comment);
        command.Options.Add(effectiveFrom);
        command.Options.Add(format);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (ruleFiles, whatIfFiles) = await CollectAsync(parseResult.GetValue(paths) ?? [], cancellationToken).ConfigureAwait(false);
            var effective = ParseInstant(parseResult.GetValue(effectiveFrom));
            var options = PersistenceServiceCollectionExtensions.ReadOptions(CliOptions.Configuration(parseResult));
            var publisher = new RuleSetPublisher(
                () => DatabaseConfigurator.CreateContext(options.Provider, options.ResolveConnectionString()),
                RuleTooling.CreateValidator(),
                TimeProvider.System);
            var request = new PublishRequest(ruleFiles, whatIfFiles, parseResult.GetValue(author) ?? Environment.UserName, parseResult.GetValue(comment), effective);
            PublishResult result;
            try
            {
                result = await publisher.PublishAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Data.Common.DbException ex)
            {
                throw new InvalidOperationException($"The database could not store rule versions ({ex.Message}); run 'o2c migrate' with the same settings first.", ex);
            }

            await WriteAsync(parseResult.InvocationConfiguration.Output, parseResult.GetValue(format), result).ConfigureAwait(false);
            return result.Published ? CliApp.Ok : CliApp.Problems;
        });
        return command;
    }

    private static async Task WriteAsync(TextWriter output, OutputFormat format, PublishResult result)
    {
        if (format == OutputFormat.Json)
        {
            await output.WriteLineAsync(CliJson.Serialize(new
            {
                published = result.Published,
                ruleSets = result.RuleSets,
                cases = new { total = result.Cases.Count, failed = result.Cases.Count(c => !c.Passed) },
                diagnostics = result.Diagnostics,
            })).ConfigureAwait(false);
            return;
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            await output.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
        }

        if (!result.Published)
        {
            await output.WriteLineAsync("Refused: nothing was published.").ConfigureAwait(false);
            return;
        }

        foreach (var ruleSet in result.RuleSets)
        {
            await output.WriteLineAsync(ruleSet.Unchanged
                ? $"{ruleSet.Name}: unchanged, version {ruleSet.Version} stays current."
                : $"{ruleSet.Name}: version {ruleSet.Version} published (sha256 {ruleSet.ContentHash[..12]}).").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"{result.Cases.Count} what-if case(s) passed.").ConfigureAwait(false);
    }

    private static async Task<(List<RuleSource> RuleFiles, List<RuleSource> WhatIfFiles)> CollectAsync(string[] paths, CancellationToken cancellationToken)
    {
        var ruleFiles = new List<RuleSource>();
        var whatIfFiles = new List<RuleSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        async Task AddFolderAsync(string folder)
        {
            var (rules, cases) = await RuleFolder.LoadAsync(folder, cancellationToken).ConfigureAwait(false);
            ruleFiles.AddRange(rules.Where(r => seen.Add(Path.GetFullPath(r.Path))));
            whatIfFiles.AddRange(cases.Where(c => seen.Add(Path.GetFullPath(c.Path))));
        }

        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                await AddFolderAsync(path).ConfigureAwait(false);
            }
            else if (File.Exists(path))
            {
                var source = await RuleSource.ReadAsync(path, cancellationToken).ConfigureAwait(false);
                if (seen.Add(Path.GetFullPath(path)))
                {
                    (WhatIfReader.LooksLikeWhatIfFile(source.Content) ? whatIfFiles : ruleFiles).Add(source);
                }

                var tests = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, RuleFolder.TestsFolder);
                if (Directory.Exists(tests))
                {
                    var (_, cases) = await RuleFolder.LoadAsync(tests, cancellationToken).ConfigureAwait(false);
                    whatIfFiles.AddRange(cases.Where(c => seen.Add(Path.GetFullPath(c.Path))));
                }
            }
            else
            {
                throw new CliUsageException($"'{path}' does not exist.");
            }
        }

        return ruleFiles.Count == 0 ? throw new CliUsageException("No rule file found in the given paths.") : (ruleFiles, whatIfFiles);
    }

    private static DateTimeOffset? ParseInstant(string? text) =>
        text is null ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant
        : throw new CliUsageException($"--effective-from '{text}' is not an ISO-8601 date or instant (e.g. 2026-01-01T00:00:00Z).");
}
