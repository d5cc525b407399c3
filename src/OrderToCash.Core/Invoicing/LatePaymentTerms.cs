using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Escalation;
using OrderToCash.Core.ReferenceTables;
using OrderToCash.Engine.Rules;

namespace OrderToCash.Core.Invoicing;

/// <summary>
/// The late-payment penalty rate and the recovery indemnity for a due date: the ECB rate of its semester (the
/// reference table, ADR 0101) plus the points the <c>escalation</c> rules add, and their indemnity. Printed on the
/// invoice at issue (L441-9) and charged when it is paid late (L441-10 II). Nothing is recorded here: callers run
/// inside a unit of work of their own.
/// </summary>
public sealed class LatePaymentTerms(RuleEvaluator evaluator)
{
    /// <summary>The terms for an invoice of <paramref name="segment"/> falling due on <paramref name="dueDate"/>, as if paid the day after.</summary>
    public async Task<LatePaymentTermsResult> ForDueDateAsync(DbContext db, DateOnly dueDate, string segment, decimal amount, CancellationToken cancellationToken)
    {
        var semester = Semester.Of(dueDate);
        var ecb = (await EcbRates.CurrentAsync(db, cancellationToken).ConfigureAwait(false)).RateFor(semester);
        var due = dueDate.ToDateTime(TimeOnly.MinValue);
        var item = new EscalationInput(due.AddDays(1), due, amount, segment, UnpaidItemCount: 1, HasOpenDispute: false, HasPromiseToPay: false, ProfessionalCustomer: true)
        {
            EcbRefinancingRate = ecb,
        };
        var decision = await evaluator.EvaluateAsync(EscalationInput.RuleSet, [item], cancellationToken: cancellationToken).ConfigureAwait(false);
        return new LatePaymentTermsResult(semester, ecb, EscalationCharges.PenaltyPoints(decision), EscalationCharges.IndemnityEur(decision), decision.Version.Version);
    }
}

/// <param name="Semester">The due date's semester, whose ECB rate applies.</param>
/// <param name="EcbRatePercent">Its ECB rate from the reference table; null when the table lacks it.</param>
/// <param name="PenaltyPoints">The points the escalation rules add (10); null when they charge no penalty.</param>
/// <param name="IndemnityEur">The fixed recovery indemnity (40 EUR for a professional customer).</param>
/// <param name="RuleSetVersion">The escalation version that answered.</param>
public sealed record LatePaymentTermsResult(Semester Semester, decimal? EcbRatePercent, decimal? PenaltyPoints, decimal IndemnityEur, int RuleSetVersion)
{
    /// <summary>The annual penalty rate (ECB + points), or null when either is unknown.</summary>
    public decimal? AnnualRatePercent => EcbRatePercent + PenaltyPoints;

    /// <summary>
    /// The clause printed on the invoice, in French as the law requires: the rate when the table has it, else the legal
    /// formula naming the day whose ECB rate applies (decimal comma written out: the host runs culture-invariant).
    /// </summary>
    public string Clause(DateOnly dueDate) =>
        string.Create(CultureInfo.InvariantCulture,
            $"En cas de retard de paiement après le {dueDate:dd/MM/yyyy}, pénalités de retard {RateText}, exigibles sans rappel (art. L441-10 II du Code de commerce), et indemnité forfaitaire pour frais de recouvrement de {IndemnityEur:0} € (art. D441-5).");

    /// <summary>
    /// The penalty rate in French words: "au taux annuel de 12,15 % (taux de refinancement de la BCE …)" when the table
    /// has the semester's rate, else the legal formula "au taux de refinancement de la BCE en vigueur au 1er juillet
    /// 2026, majoré de 10 points" (what the invoice clause and the reminders state).
    /// </summary>
    public string RateText
    {
        get
        {
            var points = French(PenaltyPoints ?? 10m, "0.##");
            return AnnualRatePercent is { } annual
                ? $"au taux annuel de {French(annual, "0.00")} % (taux de refinancement de la BCE en vigueur au {Semester.FrenchStart}, {French(EcbRatePercent!.Value, "0.00")} %, majoré de {points} points)"
                : $"au taux de refinancement de la BCE en vigueur au {Semester.FrenchStart}, majoré de {points} points";
        }
    }

    private static string French(decimal value, string format) => value.ToString(format, CultureInfo.InvariantCulture).Replace('.', ',');
}
