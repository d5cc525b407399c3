using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;

namespace OrderToCash.Host.Features.Customers;

/// <summary>A customer in the list: who it is, who sells to it, and when its credit is next reviewed.</summary>
internal sealed record CustomerListItem(string Id, string LegalName, string Siren, string Segment, string Salesperson, string RiskClass, string Currency,
    DateOnly? NextReviewOn, DateOnly? InsurerCoverExpiresOn);

/// <summary>A customer's master data with its credit limit and, once it has bought, its current exposure.</summary>
internal sealed record CustomerDetails(
    string Id,
    string LegalName,
    string Siren,
    string VatNumber,
    Address BillingAddress,
    string Segment,
    string Salesperson,
    string PaymentTerms,
    bool PaymentTermsAgreedInContract,
    bool PeriodicInvoicing,
    int PaymentTermDays,
    string PaymentTermBasis,
    DateOnly? InsurerCoverExpiresOn,
    DateOnly? NextReviewOn,
    int PaidInvoicesCarriedOver,
    string Currency,
    decimal InternalCreditLimit,
    decimal InsurerCover,
    decimal CreditLimit,
    string RiskClass,
    DateOnly AccountOpenedOn,
    string? Iban,
    IReadOnlyList<ContactView> Contacts,
    ExposureView? Exposure)
{
    public static CustomerDetails From(Customer customer, CreditExposure? exposure) => new(
        customer.Id,
        customer.LegalName,
        customer.Siren,
        customer.VatNumber,
        customer.BillingAddress,
        customer.Segment,
        customer.Salesperson,
        customer.PaymentTerms.ToString(),
        customer.PaymentTermsAgreedInContract,
        customer.PeriodicInvoicing,
        customer.PaymentTerms.Days,
        customer.PaymentTerms.Basis.ToString(),
        customer.InsurerCoverExpiresOn,
        customer.NextReviewOn,
        customer.PaidInvoicesCarriedOver,
        customer.Currency,
        customer.InternalCreditLimit,
        customer.InsurerCover,
        customer.CreditLimit.Amount,
        customer.RiskClass,
        customer.AccountOpenedOn,
        customer.Iban,
        [.. customer.Contacts.Select(c => new ContactView(c.Name, c.Email, c.Role.ToString()))],
        exposure is null
            ? null
            : new ExposureView(exposure.OpenOrders, exposure.DeliveredNotInvoiced, exposure.OpenReceivables, exposure.Total.Amount, customer.CreditLimit.Amount - exposure.Total.Amount));
}

internal sealed record ContactView(string Name, string Email, string Role);

/// <summary>What the customer owes or has ordered, in the customer's currency, and what is left under its limit.</summary>
internal sealed record ExposureView(decimal OpenOrders, decimal DeliveredNotInvoiced, decimal OpenReceivables, decimal Total, decimal Headroom);

internal sealed record CustomerId(string Id);

internal sealed record ImportedCustomers(int Imported);
