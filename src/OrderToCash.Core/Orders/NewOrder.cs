namespace OrderToCash.Core.Orders;

/// <summary>An order as entered (the API's body). Nullable: a missing field is reported by name, not as a 500.</summary>
public sealed record NewOrder(string? CustomerId, IReadOnlyList<NewOrderLine>? Lines);

/// <param name="Description">What is sold.</param>
/// <param name="Quantity">Strictly positive, at most 3 decimals.</param>
/// <param name="UnitPrice">Excluding VAT, zero or more (free goods), at most 4 decimals.</param>
/// <param name="VatRate">One of <see cref="VatRates.Known"/>, in percent.</param>
public sealed record NewOrderLine(string? Description, decimal? Quantity, decimal? UnitPrice, decimal? VatRate);
