namespace OrderToCash.Core.Customers;

/// <summary>A postal address as printed on invoices.</summary>
public sealed record Address(string Line1, string? Line2, string PostalCode, string City, string CountryCode);
