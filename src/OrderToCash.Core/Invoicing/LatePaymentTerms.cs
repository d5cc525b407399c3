using System.Globalization;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules;

namespace OrderToCash.Core.Invoicing;

/// <summary>
/// The late-payment penalty rate and the recovery indemnity that the <c>escalation</c> rules give for a due date:
/// printed on the invoice at issue (L441-9) and charged when it is paid late (L441-10 II). Nothing is recorded here:
/// the rate table is the rule set's own version, and callers run inside a unit of work of their own.
/// </summary>
public sealed class LatePaymentTerms(RuleEvaluator evaluator)
{
    /// <summary>The terms for an invoice of <paramref name="segment"/> falling due on <paramref name="dueDate"/>, as if paid the day after.</summary>
    public async Task<LatePaymentTermsResult> ForDueDateAsync(DateOnly dueDate, string segment, decimal amount, CancellationToken cancellationToken)
    {
        var due = dueDate.ToDateTime(TimeOnly.MinValue);
        var item = new EscalationInput(due.AddDays(1), due, amount, segment, UnpaidItemCount: 1, HasOpenDispute: false, HasPromiseToPay: false, ProfessionalCustomer: true);
        var decision = await evaluator.EvaluateAsync(EscalationInput.RuleSet, [item], cancellationToken: cancellationToken).ConfigureAwait(false);
        return new LatePaymentTermsResult(Dunning.EscalationCharges.PenaltyRatePercent(decision), Dunning.EscalationCharges.IndemnityEur(decision), decision.Version.Version);
    }
}

/// <param name="AnnualRatePercent">ECB + 10 points for the due date's semester; null when the rules' table does not cover it yet.</param>
/// <param name="IndemnityEur">The fixed recovery indemnity (40 EUR for a professional customer).</param>
/// <param name="RuleSetVersion">The escalation version that answered.</param>
public sealed record LatePaymentTermsResult(decimal? AnnualRatePercent, decimal IndemnityEur, int RuleSetVersion)
{
    /// <summary>The clause printed on the invoice, in French as the law requires (decimal comma written out: the host runs culture-invariant).</summary>
    public string Clause(DateOnly dueDate)
    {
        var rate = AnnualRatePercent is { } r
            ? $"{French(r)} % l'an (taux de refinancement de la BCE + 10 points)"
            : "le taux de refinancement de la BCE en vigueur au 1er janvier ou au 1er juillet + 10 points";
        return string.Create(CultureInfo.InvariantCulture,
            $"En cas de retard de paiement après le {dueDate:dd/MM/yyyy}, pénalités au taux de {rate}, exigibles sans rappel (art. L441-10 II du Code de commerce), et indemnité forfaitaire pour frais de recouvrement de {IndemnityEur:0} € (art. D441-5).");
    }

    private static string French(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
}
