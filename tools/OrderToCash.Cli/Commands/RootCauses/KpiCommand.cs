using System.CommandLine;
using System.Globalization;
using OrderToCash.Core.Kpis;

namespace OrderToCash.Cli.Commands.RootCauses;

/// <summary>
/// <c>o2c kpi --from YYYY-MM-DD --to YYYY-MM-DD [--by segment|salesperson|customer] [--customer C] [--segment S]
/// [--salesperson P] [--aged-csv FILE] [--format json]</c>: the KPIs of the period (both days included) on the configured database.
/// </summary>
internal static class KpiCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "First day of the period (YYYY-MM-DD).", Required = true };
        var to = new Option<string>("--to") { Description = "Last day of the period (YYYY-MM-DD), included.", Required = true };
        var by = new Option<string?>("--by") { Description = "Also break down by segment, salesperson or customer." };
        by.AcceptOnlyFromAmong("segment", "salesperson", "customer");
        var customer = new Option<string?>("--customer") { Description = "Only this customer." };
        var segment = new Option<string?>("--segment") { Description = "Only this segment." };
        var salesperson = new Option<string?>("--salesperson") { Description = "Only this salesperson's invoices." };
        var agedCsv = new Option<string?>("--aged-csv") { Description = "Also write the aged balance at --to (and per --by value) to this CSV file." };
        var format = CliOptions.Format();
        var command = new Command("kpi", "DSO (standard, count-back, best possible), ADD, CEI, aged balance, disputes, promises, credit blocks, exposure.");
        foreach (var option in new Option[] { from, to, by, customer, segment, salesperson, agedCsv, format })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var first = AnalyticsTooling.ParseDate(parseResult.GetValue(from), "--from")!.Value;
            var last = AnalyticsTooling.ParseDate(parseResult.GetValue(to), "--to")!.Value;
            if (last < first)
            {
                throw new CliUsageException($"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}.");
            }

            var breakdown = parseResult.GetValue(by) is { } b ? Enum.Parse<KpiBreakdown>(b, ignoreCase: true) : (KpiBreakdown?)null;
            var scope = new KpiScope(parseResult.GetValue(customer), parseResult.GetValue(segment), parseResult.GetValue(salesperson));
            var calculator = new KpiCalculator(AnalyticsTooling.Database(parseResult));
            var total = await AnalyticsTooling.GuardAsync(() => calculator.CalculateAsync(first, last, scope, cancellationToken)).ConfigureAwait(false);
            var rows = new List<(string Value, KpiReport Report)>();
            if (breakdown is { } dimension)
            {
                foreach (var value in await calculator.ValuesAsync(dimension, last, scope, cancellationToken).ConfigureAwait(false))
                {
                    var narrowed = dimension switch
                    {
                        KpiBreakdown.Segment => scope with { Segment = value },
                        KpiBreakdown.Salesperson => scope with { Salesperson = value },
                        _ => scope with { CustomerId = value },
                    };
                    rows.Add((value, await calculator.CalculateAsync(first, last, narrowed, cancellationToken).ConfigureAwait(false)));
                }
            }

            if (parseResult.GetValue(agedCsv) is { } file)
            {
                await using var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false));
                await CsvExport.WriteAgedBalanceAsync(writer, last, [(total.Scope, total.AgedBalance), .. rows.Select(r => (r.Value, r.Report.AgedBalance))]).ConfigureAwait(false);
            }

            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                await output.WriteLineAsync(CliJson.Serialize(breakdown is null
                    ? Json(total)
                    : new Dictionary<string, object?>(Json(total)) { ["by"] = breakdown.Value.ToString().ToLowerInvariant(), ["breakdown"] = rows.Select(r => new { value = r.Value, kpis = Json(r.Report) }) })).ConfigureAwait(false);
            }
            else
            {
                await WriteTextAsync(output, total).ConfigureAwait(false);
                foreach (var (value, report) in rows)
                {
                    await output.WriteLineAsync().ConfigureAwait(false);
                    await output.WriteLineAsync($"--- {breakdown!.Value.ToString().ToLowerInvariant()} {value}").ConfigureAwait(false);
                    await WriteTextAsync(output, report).ConfigureAwait(false);
                }
            }

            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The field names (dso, countBackDso, agedBalance.notDue...) plus the inputs they come from.</summary>
    private static Dictionary<string, object?> Json(KpiReport r) => new()
    {
        ["from"] = r.From,
        ["to"] = r.To,
        ["scope"] = r.Scope,
        ["days"] = r.Days,
        ["openingReceivables"] = r.OpeningReceivables,
        ["closingReceivables"] = r.ClosingReceivables,
        ["closingCurrentReceivables"] = r.ClosingCurrentReceivables,
        ["creditSales"] = r.CreditSales,
        ["dso"] = r.Dso,
        ["countBackDso"] = r.CountBackDso,
        ["bestPossibleDso"] = r.BestPossibleDso,
        ["averageDaysDelinquent"] = r.AverageDaysDelinquent,
        ["cei"] = r.Cei,
        ["agedBalance"] = new { notDue = r.AgedBalance.NotDue, d1to30 = r.AgedBalance.D1To30, d31to60 = r.AgedBalance.D31To60, d61to90 = r.AgedBalance.D61To90, over90 = r.AgedBalance.Over90, total = r.AgedBalance.Total },
        ["invoicesIssued"] = r.InvoicesIssued,
        ["disputedInvoices"] = r.DisputedInvoices,
        ["disputedInvoicesPercent"] = r.DisputedInvoicesPercent,
        ["disputeResolutionByDepartment"] = r.DisputeResolutionByDepartment,
        ["promisesChecked"] = r.PromisesChecked,
        ["promisesKept"] = r.PromisesKept,
        ["promiseToPayKeptRate"] = r.PromiseToPayKeptRate,
        ["ordersChecked"] = r.OrdersChecked,
        ["ordersBlocked"] = r.OrdersBlocked,
        ["creditBlockRate"] = r.CreditBlockRate,
        ["meanReleaseHours"] = r.MeanReleaseHours,
        ["exposure"] = r.Exposure,
    };

    private static async Task WriteTextAsync(TextWriter output, KpiReport r)
    {
        var c = CultureInfo.InvariantCulture;
        string D(decimal? value) => value?.ToString("0.00", c) ?? "n/a";
        await output.WriteLineAsync(string.Create(c, $"KPIs {r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd} ({r.Days} days), {r.Scope}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(c, $"  AR opening {r.OpeningReceivables:N2}, closing {r.ClosingReceivables:N2} (not due {r.ClosingCurrentReceivables:N2}); credit sales {r.CreditSales:N2}")).ConfigureAwait(false);
        await output.WriteLineAsync($"  DSO {D(r.Dso)}  count-back {D(r.CountBackDso)}  best possible {D(r.BestPossibleDso)}  ADD {D(r.AverageDaysDelinquent)}  CEI {D(r.Cei)} %").ConfigureAwait(false);
        var a = r.AgedBalance;
        await output.WriteLineAsync(string.Create(c, $"  Aged balance: not due {a.NotDue:N2} | 1-30 {a.D1To30:N2} | 31-60 {a.D31To60:N2} | 61-90 {a.D61To90:N2} | 90+ {a.Over90:N2}")).ConfigureAwait(false);
        await output.WriteLineAsync($"  Disputed invoices {r.DisputedInvoices}/{r.InvoicesIssued} = {D(r.DisputedInvoicesPercent)} %; promises kept {r.PromisesKept}/{r.PromisesChecked} = {D(r.PromiseToPayKeptRate)} %").ConfigureAwait(false);
        foreach (var department in r.DisputeResolutionByDepartment)
        {
            await output.WriteLineAsync(string.Create(c, $"  Disputes resolved by {department.Department}: {department.Resolved}, mean {department.MeanDays:0.00} days")).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"  Credit blocks {r.OrdersBlocked}/{r.OrdersChecked} = {D(r.CreditBlockRate)} %; mean release {D(r.MeanReleaseHours)} h").ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(c, $"  Exposure {r.Exposure.Exposure:N2} vs limits {r.Exposure.CreditLimit:N2} ({D(r.Exposure.UtilisationPercent)} %), {r.Exposure.CustomersOverLimit} customer(s) over limit")).ConfigureAwait(false);
    }
}
