using System.Globalization;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Processes;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Payments;

/// <summary>
/// Opens the collector's task for unapplied bank entries: one <c>unapplied-cash</c> instance per entry, started by the
/// message <c>UnappliedCashReceived</c> whose id is derived from the entry, so a second import, a concurrent one or a
/// retry after a crash starts nothing more (the runtime records each message id once). Sent after the entry committed;
/// a statement imported again sends the message again for entries still unapplied, which opens a task lost in between.
/// </summary>
public sealed partial class UnappliedCashTasks(DurableWorkflowRuntime runtime, ILogger<UnappliedCashTasks> logger)
{
    public const string ProcessId = "unapplied-cash";

    public const string MessageName = CycleMessages.UnappliedCashReceived;

    public static string MessageId(BankStatementEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return $"{MessageName}:{entry.Key}";
    }

    /// <summary>Whether unapplied-cash.bpmn is published (otherwise the entries wait, listed, and the import says so).</summary>
    public bool IsAvailable => runtime.Definitions.Latest(ProcessId) is not null;

    /// <summary>Opens a task per entry (none twice); false when the process is not published.</summary>
    public async Task<bool> OpenAsync(IReadOnlyList<BankStatementEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return true;
        }

        if (!IsAvailable)
        {
            LogNotPublished(logger, entries.Count);
            return false;
        }

        // Two imports of one statement at once send the same message id: the loser's batch breaks the unique index and
        // runs again, finding the id known (a duplicate, nothing started twice).
        var messages = entries.Select(Message).ToList();
        await LostRace.RetryAsync(_ => runtime.CorrelateManyAsync(messages, cancellationToken), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static IncomingMessage Message(BankStatementEntry entry) => new(MessageName, entry.Key, MessageId(entry), new Dictionary<string, object?>
    {
        ["entryId"] = entry.Id.ToString(),
        ["reference"] = entry.Reference,
        ["account"] = entry.Account,
        ["amount"] = entry.Amount,
        ["currency"] = entry.Currency,
        ["bookedOn"] = entry.BookedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["debtor"] = entry.DebtorName ?? string.Empty,
        ["debtorIban"] = entry.DebtorIban ?? string.Empty,
        ["remittanceInfo"] = entry.RemittanceInfo ?? string.Empty,
        ["customerId"] = entry.CustomerId ?? string.Empty,
        ["reason"] = entry.Reason ?? string.Empty,
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} bank entries are unapplied but the unapplied-cash process is not published: no collector task was opened; publish workflows/unapplied-cash.bpmn and import the statement again")]
    private static partial void LogNotPublished(ILogger logger, int count);
}
