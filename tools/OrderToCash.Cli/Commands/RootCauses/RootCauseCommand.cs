using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Kpis;
using OrderToCash.Core.RootCauses;

namespace OrderToCash.Cli.Commands.RootCauses;

/// <summary>
/// <c>o2c rootcause analyze [--as-of YYYY-MM-DD] [--format json]</c>: runs the root-cause analysis on the configured
/// database (what the nightly job does) and prints <c>groups</c> (reason, department, segment, product family, count,
/// amount, ratePer1000Invoices) and <c>tasksCreated</c> (<c>--csv FILE</c> also writes the groups); <c>o2c rootcause tasks</c>
/// lists the tasks (<c>--csv FILE</c> exports them).
/// </summary>
internal static class RootCauseCommand
{
    public static Command Create()
    {
        var command = new Command("rootcause", "The root-cause loop: group disputes and late payments, open and verify process-improvement tasks.");
        command.Subcommands.Add(Analyze());
        command.Subcommands.Add(Tasks());
        return command;
    }

    /// <summary><c>o2c rootcause tasks [--department D] [--status S] [--csv FILE] [--format json]</c>: the process-improvement tasks.</summary>
    private static Command Tasks()
    {
        var department = new Option<string?>("--department") { Description = "Only this owning department (e.g. ADV, Logistics)." };
        var status = new Option<ImprovementTaskStatus?>("--status") { Description = "Only tasks in this status (Open, Acknowledged, FixInProgress, FixDeployed, Verified, Reopened)." };
        var csv = new Option<string?>("--csv") { Description = "Also write them to this CSV file." };
        var format = CliOptions.Format();
        var command = new Command("tasks", "List the process-improvement tasks, newest first.");
        command.Options.Add(department);
        command.Options.Add(status);
        command.Options.Add(csv);
        command.Options.Add(format);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var database = AnalyticsTooling.Database(parseResult);
            var tasks = await AnalyticsTooling.GuardAsync(async () =>
            {
                await using var db = database();
                var query = db.Set<ImprovementTask>().AsNoTracking();
                if (parseResult.GetValue(department) is { } wanted)
                {
                    query = query.Where(t => t.Department == wanted);
                }

                if (parseResult.GetValue(status) is { } state)
                {
                    query = query.Where(t => t.Status == state);
                }

                return (await query.ToListAsync(cancellationToken).ConfigureAwait(false)).OrderByDescending(t => t.CreatedAt).ToList();
            }).ConfigureAwait(false);
            if (parseResult.GetValue(csv) is { } file)
            {
                await using var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false));
                await CsvExport.WriteTasksAsync(writer, tasks).ConfigureAwait(false);
            }

            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                await output.WriteLineAsync(CliJson.Serialize(tasks.Select(t => Task(t, t.Status.ToString().ToLowerInvariant())))).ConfigureAwait(false);
            }
            else
            {
                foreach (var task in tasks)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{task.Number} {task.ReasonCode} -> {task.Department}: {task.Status}, {task.RatePer1000Before:0.##}/1000 before{(task.RatePer1000After is { } after ? $", {after:0.##}/1000 after" : string.Empty)}")).ConfigureAwait(false);
                }

                await output.WriteLineAsync($"{tasks.Count} task(s).").ConfigureAwait(false);
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Analyze()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Analyse as of this date (YYYY-MM-DD; default today, UTC): the period is the 90 days before it." };
        var csv = new Option<string?>("--csv") { Description = "Also write the groups to this CSV file." };
        var format = CliOptions.Format();
        var command = new Command("analyze", "Group the last 90 days, open tasks for recurring causes, judge deployed fixes.");
        command.Options.Add(asOf);
        command.Options.Add(csv);
        command.Options.Add(format);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var date = AnalyticsTooling.ParseDate(parseResult.GetValue(asOf), "--as-of");
            var analyzer = AnalyticsTooling.Analyzer(AnalyticsTooling.Database(parseResult), TimeProvider.System);
            var analysis = await AnalyticsTooling.GuardAsync(() => date is { } d ? analyzer.AnalyzeAsync(d, cancellationToken) : analyzer.AnalyzeAsync(cancellationToken)).ConfigureAwait(false);
            if (parseResult.GetValue(csv) is { } file)
            {
                await using var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false));
                await CsvExport.WriteGroupsAsync(writer, analysis.Current.Groups).ConfigureAwait(false);
            }

            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                await output.WriteLineAsync(CliJson.Serialize(Json(analysis))).ConfigureAwait(false);
            }
            else
            {
                await WriteTextAsync(output, analysis).ConfigureAwait(false);
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static object Json(RootCauseAnalysis analysis) => new
    {
        asOf = analysis.AsOf,
        periodFrom = analysis.Current.From,
        periodTo = analysis.Current.To,
        invoicesIssued = analysis.Current.InvoicesIssued,
        groups = analysis.Current.Groups.Select(g => new
        {
            reason = g.Reason,
            kind = g.Kind,
            department = g.Department,
            segment = g.Segment,
            productFamily = g.ProductFamily,
            count = g.Count,
            amount = g.Amount,
            ratePer1000Invoices = g.RatePer1000Invoices,
        }),
        causes = analysis.Current.Causes.Select(c => new
        {
            reason = c.ReasonCode,
            department = c.Department,
            count = c.Occurrences,
            distinctCustomers = c.DistinctCustomers,
            amount = c.Amount,
            ratePer1000Invoices = c.RatePer1000Invoices,
            previousCount = analysis.Previous.Find(c.Key)?.Occurrences ?? 0,
        }),
        tasksCreated = analysis.TasksCreated.Count,
        tasksVerified = analysis.TasksVerified.Count,
        tasksReopened = analysis.TasksReopened.Count,
        tasks = analysis.TasksCreated.Select(t => Task(t, "created"))
            .Concat(analysis.TasksVerified.Select(t => Task(t, "verified")))
            .Concat(analysis.TasksReopened.Select(t => Task(t, "reopened"))),
    };

    private static object Task(ImprovementTask t, string what) => new
    {
        what,
        number = t.Number,
        reason = t.ReasonCode,
        department = t.Department,
        status = t.Status,
        triggeredBy = t.TriggeredBy,
        ratePer1000Before = t.RatePer1000Before,
        ratePer1000After = t.RatePer1000After,
        note = t.VerificationNote,
    };

    private static async Task WriteTextAsync(TextWriter output, RootCauseAnalysis analysis)
    {
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(c, $"Root causes from {analysis.Current.From:yyyy-MM-dd} to {analysis.Current.To.AddDays(-1):yyyy-MM-dd} ({analysis.Current.InvoicesIssued} invoices issued):")).ConfigureAwait(false);
        foreach (var cause in analysis.Current.Causes)
        {
            await output.WriteLineAsync(string.Create(c, $"  {cause.ReasonCode,-32} {cause.Department,-16} {cause.Occurrences,7} x  {cause.RatePer1000Invoices,9:0.00}/1000  {cause.Amount,14:N2} EUR  {cause.DistinctCustomers} customer(s)")).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(c, $"{analysis.TasksCreated.Count} task(s) created, {analysis.TasksVerified.Count} verified, {analysis.TasksReopened.Count} reopened.")).ConfigureAwait(false);
        foreach (var task in analysis.TasksCreated.Concat(analysis.TasksVerified).Concat(analysis.TasksReopened))
        {
            await output.WriteLineAsync($"  {task.Number} {task.ReasonCode} -> {task.Department}: {task.Status}{(task.VerificationNote is null ? string.Empty : $" ({task.VerificationNote})")}").ConfigureAwait(false);
        }
    }
}
