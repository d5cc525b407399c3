using System.Globalization;

namespace OrderToCash.Core.Orders;

/// <summary>Checks an entered order's shape before anything is read or written; each problem names its field.</summary>
public static class OrderValidation
{
    public const int MaxLines = 500;

    /// <returns>Problems by field (e.g. <c>lines[1].quantity</c>); empty when the order can be entered.</returns>
    public static Dictionary<string, string[]> Validate(NewOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(order.CustomerId))
        {
            problems["customerId"] = ["The customer is missing: give the customer's id (e.g. C-0001)."];
        }

        if (order.Lines is null || order.Lines.Count == 0)
        {
            problems["lines"] = ["An order needs at least one line."];
            return problems;
        }

        if (order.Lines.Count > MaxLines)
        {
            problems["lines"] = [string.Create(CultureInfo.InvariantCulture, $"An order has at most {MaxLines} lines; this one has {order.Lines.Count}.")];
            return problems;
        }

        for (var i = 0; i < order.Lines.Count; i++)
        {
            ValidateLine(order.Lines[i], string.Create(CultureInfo.InvariantCulture, $"lines[{i}]"), i + 1, problems);
        }

        return problems;
    }

    private static void ValidateLine(NewOrderLine? line, string field, int number, Dictionary<string, string[]> problems)
    {
        if (line is null)
        {
            problems[field] = [$"Line {number} is empty."];
            return;
        }

        if (string.IsNullOrWhiteSpace(line.Description) || line.Description.Length > 200)
        {
            problems[field + ".description"] = [$"Line {number}: describe what is sold (1 to 200 characters)."];
        }

        problems.AddIf(field + ".quantity", line.Quantity switch
        {
            null => $"Line {number}: the quantity is missing.",
            <= 0 => Invariant($"Line {number}: the quantity must be greater than zero, not {line.Quantity}."),
            > 1_000_000_000m => Invariant($"Line {number}: the quantity {line.Quantity} is too large."),
            var q when q.Value.Scale > 3 && q.Value != Math.Round(q.Value, 3) => Invariant($"Line {number}: the quantity {line.Quantity} has more than 3 decimals."),
            _ => null,
        });
        problems.AddIf(field + ".unitPrice", line.UnitPrice switch
        {
            null => $"Line {number}: the unit price (excluding VAT) is missing.",
            < 0 => Invariant($"Line {number}: the unit price cannot be negative ({line.UnitPrice}); use a credit note for a refund."),
            > 1_000_000_000m => Invariant($"Line {number}: the unit price {line.UnitPrice} is too large."),
            var p when p.Value != Math.Round(p.Value, 4) => Invariant($"Line {number}: the unit price {line.UnitPrice} has more than 4 decimals."),
            _ => null,
        });
        problems.AddIf(field + ".vatRate", line.VatRate switch
        {
            null => $"Line {number}: the VAT rate is missing.",
            var r when !VatRates.IsKnown(r.Value) => Invariant($"Line {number}: {line.VatRate} % is not a French VAT rate; use one of {string.Join(", ", VatRates.Known.Select(k => k.ToString(CultureInfo.InvariantCulture)))}."),
            _ => null,
        });
    }

    private static void AddIf(this Dictionary<string, string[]> problems, string field, string? message)
    {
        if (message is not null)
        {
            problems[field] = [message];
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
