namespace OrderToCash.Core.Customers;

/// <summary>What the days of the payment terms count from (Code de commerce L441-10).</summary>
public enum PaymentTermBasis
{
    /// <summary>From delivery (or completion of the service): the legal default is 30 days.</summary>
    Delivery,

    /// <summary>From the invoice date: at most 60 days when agreed.</summary>
    InvoiceDate,

    /// <summary>"45 jours fin de mois": at most 45 days end of month when written in the contract.</summary>
    EndOfMonth,
}
