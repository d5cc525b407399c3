namespace OrderToCash.Core.Customers;

/// <summary>What a customer's contact does for us: reminders and invoices go to accounts payable first.</summary>
public enum ContactRole
{
    /// <summary>Service comptabilité fournisseurs: receives invoices, reminders and statements.</summary>
    AccountsPayable,

    /// <summary>Direction financière / DAF: copied from the final notice on.</summary>
    Finance,

    /// <summary>The buyer who places the orders.</summary>
    Purchasing,

    /// <summary>The manager (gérant, directeur général).</summary>
    Management,
}
