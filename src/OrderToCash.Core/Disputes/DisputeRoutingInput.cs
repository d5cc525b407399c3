namespace OrderToCash.Core.Disputes;

/// <summary>A dispute or late-payment reason to route (input name <c>dispute</c>).</summary>
/// <param name="ReasonCode">Our reason code (e.g. PRICE_ERROR) or an e-invoicing refusal code (e.g. PU_ERR).</param>
/// <param name="DisputedAmount">The amount contested, in euros incl. VAT.</param>
/// <param name="TransportDamage">For damaged goods: the damage happened in transport (the carrier owns it).</param>
/// <param name="DealNotEntered">For a price error: sales agreed a price that was never entered (sales owns it).</param>
public sealed record DisputeRoutingInput(string ReasonCode, decimal DisputedAmount, bool TransportDamage, bool DealNotEntered)
{
    /// <summary>The rule set written against this input: rules/dispute-routing.json.</summary>
    public const string RuleSet = "dispute-routing";
}
