namespace OrderToCash.Core.Customers;

/// <summary>
/// What a person (the customer page, the API or a CSV line) proposes for a customer's master data. Every field is
/// nullable so a missing one is reported by name instead of failing deserialisation; <see cref="CustomerDraftCheck"/>
/// says what is wrong. The credit limit is only set when the customer is created: later changes are credit-limit
/// requests decided by the credit manager.
/// </summary>
public sealed record CustomerDraft
{
    public string? Id { get; init; }

    public string? LegalName { get; init; }

    public string? Siren { get; init; }

    public string? VatNumber { get; init; }

    public string? AddressLine1 { get; init; }

    public string? AddressLine2 { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public string? CountryCode { get; init; }

    /// <summary>Key, Standard or Small.</summary>
    public string? Segment { get; init; }

    public string? Salesperson { get; init; }

    public int? PaymentTermDays { get; init; }

    /// <summary>Delivery, InvoiceDate or EndOfMonth.</summary>
    public string? PaymentTermBasis { get; init; }

    /// <summary>The terms are written in the contract (needed beyond the 30-day default, L441-10).</summary>
    public bool? PaymentTermsAgreedInContract { get; init; }

    /// <summary>The customer gets periodic (summary) invoices, payable within 45 days of issue.</summary>
    public bool? PeriodicInvoicing { get; init; }

    /// <summary>The people we write to; reminders go to the accounts-payable ones. Replaces the list on an edit.</summary>
    public IReadOnlyList<ContactDraft>? Contacts { get; init; }

    /// <summary>A (best) to E (worst).</summary>
    public string? RiskClass { get; init; }

    public decimal? InternalCreditLimit { get; init; }

    public decimal? InsurerCover { get; init; }

    public DateOnly? InsurerCoverExpiresOn { get; init; }

    public DateOnly? NextReviewOn { get; init; }

    /// <summary>
    /// Invoices the customer paid before it was entered here (onboarding from an earlier system): they count for the
    /// credit rules' payment history (the new-customer cap). Null keeps the current count (0 for a new customer).
    /// </summary>
    public int? PaidInvoicesCarriedOver { get; init; }
}

/// <summary>A contact as proposed: name, e-mail, role (AccountsPayable, Finance, Purchasing, Management).</summary>
public sealed record ContactDraft(string? Name, string? Email, string? Role);
