using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using OrderToCash.Cli.Commands.RootCauses;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Payments;
using OrderToCash.Core.ReferenceTables;

namespace OrderToCash.Cli.Commands.ReferenceTables;

/// <summary>
/// <c>o2c reference ecb-rates list|set</c>: the ECB rate table (ADR 0101). <c>set 2026-H2 2.15</c> enters a semester's
/// rate as a new version and charges the interest waiting for it, in one transaction. Exit 0 done, 1 refused (nothing
/// written), 2 usage error.
/// </summary>
internal static class ReferenceCommand
{
    public static Command Create()
    {
        var command = new Command("reference", "Reference tables the business maintains (the ECB rate per semester).");
        var ecb = new Command("ecb-rates", "The ECB main refinancing rate per semester (rate in force on 1 January / 1 July, L441-10).");
        ecb.Subcommands.Add(List());
        ecb.Subcommands.Add(Set());
        command.Subcommands.Add(ecb);
        return command;
    }

    private static Command List()
    {
        var format = CliOptions.Format();
        var command = new Command("list", "Prints the table in force, its versions and the semesters pending interest waits for.");
        command.Options.Add(format);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var database = AnalyticsTooling.Database(parseResult);
            var (history, missing) = await AnalyticsTooling.GuardAsync(async () =>
            {
                await using var db = database();
                return (await EcbRates.HistoryAsync(db, cancellationToken).ConfigureAwait(false), await PendingInterests.MissingAsync(db, cancellationToken).ConfigureAwait(false));
            }).ConfigureAwait(false);
            await WriteAsync(parseResult, parseResult.GetValue(format), history[0], missing, []).ConfigureAwait(false);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Set()
    {
        var semester = new Argument<string>("semester") { Description = "The semester: yyyy-H1 (rate in force on 1 January) or yyyy-H2 (on 1 July)." };
        var rate = new Argument<string>("rate") { Description = "The ECB main refinancing rate in percent a year, e.g. 2.15." };
        var author = new Option<string?>("--author") { Description = "Who enters it (default: the operating-system user)." };
        var comment = new Option<string?>("--comment") { Description = "The source, e.g. the ECB's decision." };
        var format = CliOptions.Format();
        var command = new Command("set", "Enters a semester's ECB rate (a new version of the table) and charges the interest waiting for it.");
        command.Arguments.Add(semester);
        command.Arguments.Add(rate);
        command.Options.Add(author);
        command.Options.Add(comment);
        command.Options.Add(format);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var text = parseResult.GetValue(rate)!;
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw new CliUsageException($"The rate '{text}' is not a number: write it in percent a year with a decimal point, e.g. 2.15.");
            }

            var database = AnalyticsTooling.Database(parseResult);
            var entry = new EcbRateEntry(database, TimeProvider.System, NullLogger<EcbRateEntry>.Instance);
            var result = await AnalyticsTooling.GuardAsync(() => entry.SetAsync(parseResult.GetValue(semester), value, parseResult.GetValue(author) ?? Environment.UserName, parseResult.GetValue(comment), cancellationToken)).ConfigureAwait(false);
            if (!result.Change.IsValid)
            {
                foreach (var (key, messages) in result.Change.Problems)
                {
                    await parseResult.InvocationConfiguration.Error.WriteLineAsync($"o2c: {key}: {string.Join(" ", messages)}").ConfigureAwait(false);
                }

                await parseResult.InvocationConfiguration.Error.WriteLineAsync("Refused: the table was not changed.").ConfigureAwait(false);
                return CliApp.Problems;
            }

            IReadOnlyList<MissingRate> missing;
            await using (var db = database())
            {
                missing = await PendingInterests.MissingAsync(db, cancellationToken).ConfigureAwait(false);
            }

            await WriteAsync(parseResult, parseResult.GetValue(format), result.Change.Version, missing, result.Charged).ConfigureAwait(false);
            return CliApp.Ok;
        });
        return command;
    }

    private static async Task WriteAsync(ParseResult parseResult, OutputFormat format, EcbRateTableVersion version, IReadOnlyList<MissingRate> missing, IReadOnlyList<ChargedInterest> charged)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var table = version.Table();
        if (format == OutputFormat.Json)
        {
            await output.WriteLineAsync(CliJson.Serialize(new
            {
                version = version.Version,
                author = version.Author,
                publishedAt = version.PublishedAt,
                comment = version.Comment,
                rates = table.Rates.ToDictionary(r => r.Key.ToString(), r => r.Value),
                missing,
                charged,
            })).ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"ECB rate table, version {version.Version} by {version.Author} on {version.PublishedAt:yyyy-MM-dd HH:mm} UTC{(version.Comment is null ? string.Empty : $": {version.Comment}")}")).ConfigureAwait(false);
        foreach (var (semester, rate) in table.Rates)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {semester}  {rate,6:0.00#} %")).ConfigureAwait(false);
        }

        foreach (var item in charged)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Charged {item.Interest:0.00} {item.Currency} on {item.InvoiceNumber} ({item.BasisAmount:0.00} × {item.AnnualRatePercent:0.00#} % × {item.Days}/365)")).ConfigureAwait(false);
        }

        foreach (var item in missing)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Missing {item.Semester}: interest on {item.BasisAmount:0.00} {item.Currency} ({item.Invoices} invoices) waits for its rate.")).ConfigureAwait(false);
        }
    }
}
