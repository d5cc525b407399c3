using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Processes;

namespace OrderToCash.Core.Disputes;

/// <summary>
/// Checks the owner's answer to a dispute before the task completes: CorrectedInvoice needs <c>correctedAmount</c> (a
/// number in cents, positive, at most <see cref="Money.MaxAmount"/>, below what the invoice bills, nothing paid on it),
/// the other outcomes take none. The dispute.resolve step checks again in its transaction (the invoice may have moved).
/// </summary>
public sealed class DisputeResolutionCheck(Func<OrderToCashDbContext> createContext) : ITaskCompletionCheck
{
    public const string OutcomeField = "outcome";

    public const string CorrectedAmountField = "correctedAmount";

    public async Task<string?> ProblemAsync(TaskCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        if (completion.ProcessId != DisputeWorkflow.ProcessId || !completion.ElementId.StartsWith(DisputeResolveHandler.TaskPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        if (ReadAmount(completion.Outputs) is { Problem: { } amountProblem })
        {
            return amountProblem;
        }

        var outcomeText = completion.Outputs.TryGetValue(OutcomeField, out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
        if (!Enum.TryParse<DisputeOutcome>(outcomeText?.Trim(), ignoreCase: true, out var outcome) || !Enum.IsDefined(outcome) || int.TryParse(outcomeText, out _))
        {
            // An unknown outcome is refused by the step, which asks again (its message lists the outcomes).
            return null;
        }

        await using var db = createContext();
        var dispute = await db.Set<Dispute>().AsNoTracking().FirstOrDefaultAsync(d => d.InstanceId == completion.InstanceId, cancellationToken).ConfigureAwait(false);
        var invoice = dispute is null ? null : await db.Set<Invoice>().AsNoTracking().SingleAsync(i => i.Id == dispute.InvoiceId, cancellationToken).ConfigureAwait(false);
        return invoice is null ? null : Problem(outcome, ReadAmount(completion.Outputs).Amount, invoice);
    }

    /// <summary>Null when <paramref name="correctedAmount"/> fits <paramref name="outcome"/> on <paramref name="invoice"/>, else why not.</summary>
    public static string? Problem(DisputeOutcome outcome, decimal? correctedAmount, Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (outcome != DisputeOutcome.CorrectedInvoice)
        {
            return correctedAmount is null
                ? null
                : $"{CorrectedAmountField} is only for the outcome CorrectedInvoice, not {outcome}: leave it empty.";
        }

        return CorrectedInvoiceIssuer.Problem(invoice, correctedAmount) is { } problem ? $"{CorrectedAmountField}: {problem}" : null;
    }

    private static (decimal? Amount, string? Problem) ReadAmount(IReadOnlyDictionary<string, JsonElement> outputs)
    {
        if (!outputs.TryGetValue(CorrectedAmountField, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return (null, null);
        }

        if (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()))
        {
            return (null, null);
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : value.GetRawText();
        return value.ValueKind is JsonValueKind.Number or JsonValueKind.String
               && decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var amount)
            ? (amount, null)
            : (null, $"{CorrectedAmountField} must be an amount with a decimal point (e.g. 960.00), not {value.GetRawText()}.");
    }
}
