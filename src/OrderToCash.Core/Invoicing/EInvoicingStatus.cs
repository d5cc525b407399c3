namespace OrderToCash.Core.Invoicing;

/// <summary>
/// The French e-invoicing lifecycle statuses (réforme de la facturation électronique). Déposée, Rejetée, Refusée and
/// Encaissée are mandatory; En litige and Suspendue optional. A Refusée or En litige status with a reason code opens a dispute.
/// </summary>
public enum EInvoicingStatus
{
    /// <summary>Déposée: submitted to the platform.</summary>
    Deposee,

    /// <summary>Rejetée: rejected by the platform for a format or mandatory-data error (not a business dispute).</summary>
    Rejetee,

    /// <summary>Refusée: refused by the buyer, with a reason code.</summary>
    Refusee,

    /// <summary>En litige: the buyer disputes it, with a reason code.</summary>
    EnLitige,

    /// <summary>Suspendue: the buyer suspends it, waiting for a document.</summary>
    Suspendue,

    /// <summary>Encaissée: paid.</summary>
    Encaissee,
}
