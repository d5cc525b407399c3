namespace OrderToCash.Core.Demo;

/// <summary>How a synthetic customer pays (issue 7: on-time payers, late payers, disputers, customers in difficulty).</summary>
internal enum CustomerBehaviour
{
    /// <summary>Pays in full a few days before or on the due date.</summary>
    OnTimePayer,

    /// <summary>Pays 5 to 20 days late, one invoice in five up to 45, sometimes in two instalments; often promises a date when called.</summary>
    LatePayer,

    /// <summary>Contests part of some invoices (a dispute), then pays what is not contested.</summary>
    Disputer,

    /// <summary>Pays months late in instalments, or not at all (the credit manager writes the invoice off).</summary>
    InDifficulty,
}
