using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Customers;

/// <summary>
/// The customer master: one file shared by sales, sales administration, credit and collections.
/// The credit limit is negotiated between sales and the credit manager; changing it is a recorded decision.
/// </summary>
public sealed class Customer
{
    public required string Id { get; init; }

    public required string LegalName { get; set; }

    public required string Siren { get; set; }

    public required string VatNumber { get; set; }

    public required Address BillingAddress { get; set; }

    /// <summary>"Key", "Standard" or "Small": drives the reminder ladder and the KPIs' breakdowns.</summary>
    public required string Segment { get; set; }

    /// <summary>The salesperson's user name: they see this customer's receivables and make the cordial first call.</summary>
    public required string Salesperson { get; set; }

    public required PaymentTerms PaymentTerms { get; set; }

    /// <summary>
    /// The payment terms are written in the contract signed with the customer (general terms of sale accepted, framework
    /// agreement...). Beyond the 30-day legal default, and for 45 days end of month, L441-10 I requires it.
    /// </summary>
    public bool PaymentTermsAgreedInContract { get; set; }

    /// <summary>The customer is invoiced periodically (one summary invoice per period, CGI 289 I-3): L441-10 I caps its term at 45 days from issue.</summary>
    public bool PeriodicInvoicing { get; set; }

    /// <summary>The currency the customer is invoiced in; every amount below is in it.</summary>
    public string Currency { get; init; } = "EUR";

    /// <summary>The internal limit granted by the credit manager.</summary>
    public decimal InternalCreditLimit { get; set; }

    /// <summary>The credit insurer's cover on this customer (0 when none).</summary>
    public decimal InsurerCover { get; set; }

    /// <summary>When the insurer's cover ends unless renewed (none without cover).</summary>
    public DateOnly? InsurerCoverExpiresOn { get; set; }

    /// <summary>When the credit manager reviews the account next (limit, risk class, cover).</summary>
    public DateOnly? NextReviewOn { get; set; }

    /// <summary>A (best) to E (worst).</summary>
    public required string RiskClass { get; set; }

    public DateOnly AccountOpenedOn { get; init; }

    /// <summary>
    /// Invoices the customer had paid before its ledger was kept here, carried over from the previous system at go-live:
    /// the credit check counts them with the ledger's paid invoices, so a long-standing customer is not treated as new.
    /// </summary>
    public int PaidInvoicesCarriedOver { get; set; }

    /// <summary>The bank account the customer pays from (a bank statement's payment is matched to the customer by it); none when unknown.</summary>
    public string? Iban { get; set; }

    /// <summary>The people we write to (invoices, reminders, statements): accounts payable first.</summary>
    public List<CustomerContact> Contacts { get; init; } = [];

    public Money CreditLimit => new(InternalCreditLimit + InsurerCover, Currency);
}
