using System.Globalization;
using System.Text;
using OrderToCash.Core.Demo;

namespace OrderToCash.Cli.Commands.Simulate;

/// <summary>The simulation's report for a reader.</summary>
internal static class SimulationText
{
    public static string Format(SimulationReport r, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(r);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Simulated {r.Days} days ({r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd}), {r.Customers} customers, seed {r.Seed}, in {elapsed.TotalSeconds:0.0} s.");
        text.AppendLine(c, $"Customers: {string.Join(", ", r.CustomersByBehaviour.Select(b => $"{b.Value} {b.Key}"))}");
        text.AppendLine(c, $"Orders: {r.Orders} ({r.CreditBlocked} credit-blocked: {r.Released} released, {r.Rejected} rejected); {r.Delivered} delivered.");
        text.AppendLine(c, $"Credit-block rate {Percent(r.CreditBlockRate)}; promises to pay judged {r.PromisesJudged}, kept {r.PromisesKept} ({Percent(r.PromiseKeptRate)}).");
        text.AppendLine(c, $"Invoices: {r.Invoices} for {r.InvoicedAmount:N2} EUR; {r.SettledInvoices} settled, {r.OverdueInvoices} overdue at the end.");
        text.AppendLine(c, $"  paid {r.PaidAmount:N2} + credited {r.CreditedAmount:N2} + written off {r.WrittenOffAmount:N2} + open {r.OpenAmount:N2} = {r.PaidAmount + r.CreditedAmount + r.WrittenOffAmount + r.OpenAmount:N2} EUR: {(r.Balanced ? "balanced to the cent" : "NOT BALANCED")}.");
        text.AppendLine(c, $"Unapplied cash {r.UnappliedCash:N2} EUR; late interest charged {r.LateInterestCharged:N2} EUR; indemnities {r.IndemnitiesCharged:N2} EUR; workflow incidents {r.Incidents}.");
        text.AppendLine(c, $"Reminders by level: {(r.RemindersByLevel.Count == 0 ? "none" : string.Join(", ", r.RemindersByLevel.Select(p => $"{p.Key}: {p.Value}")))}");
        text.Append(c, $"Disputes by reason: {(r.DisputesByReason.Count == 0 ? "none" : string.Join(", ", r.DisputesByReason.Select(p => $"{p.Key}: {p.Value}")))}");
        return text.ToString();
    }

    private static string Percent(decimal? rate) => rate is { } value ? value.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";
}
