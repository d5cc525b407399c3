namespace OrderToCash.Core.Customers;

/// <summary>
/// One recorded change of a customer's master data: who, when, how (created, updated, imported, credit limit
/// decided) and each changed field with its value before and after (JSON array of <see cref="FieldChange"/>).
/// </summary>
public sealed class CustomerChange
{
    public long Id { get; init; }

    public required string CustomerId { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }

    public required string ChangedBy { get; init; }

    /// <summary>Created, Updated, Imported or CreditLimitDecided.</summary>
    public required string Kind { get; init; }

    /// <summary>The changed fields, as JSON: [{ "field": "riskClass", "before": "B", "after": "C" }].</summary>
    public required string Fields { get; init; }
}

/// <summary>A field's value before and after a change (null before for a new customer).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
