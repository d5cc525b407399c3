using OrderToCash.Core.Disputes;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Orders;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Demo;

/// <summary>
/// The people of the simulated company working their task inboxes once a day, as the product asks them: credit
/// managers decide blocked orders (four-eyes by two people), salespeople make the cordial call and record why the
/// customer pays late, the owning departments resolve disputes after a few days, the credit manager hands claims
/// over to legal collection and follows up overdue disputes. Tasks are taken in a stable order so that a seed replays.
/// </summary>
internal sealed class SimulatedBackOffice(DurableWorkflowRuntime runtime, WorkflowReader reader, SimulatedClock clock, Random random, Func<string, CustomerBehaviour?> behaviourOfKey)
{
    private static readonly string[] DisputeOwnerRoles = [Roles.SalesAdministration, Roles.Salesperson, Roles.Quality, Roles.Collector, Roles.CreditManager];

    /// <summary>When each dispute task will be answered: drawn the first time it is seen.</summary>
    private readonly Dictionary<string, DateOnly> disputeAnswerDays = new(StringComparer.Ordinal);

    public async Task WorkAsync(CancellationToken cancellationToken)
    {
        await CreditManagersAsync(cancellationToken).ConfigureAwait(false);
        await SalespeopleAsync(cancellationToken).ConfigureAwait(false);
        await DisputeOwnersAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CreditManagersAsync(CancellationToken cancellationToken)
    {
        foreach (var task in await InboxAsync("sim-credit-a", Roles.CreditManager, cancellationToken).ConfigureAwait(false))
        {
            // A called process's tasks carry the calling instance's process id (order-to-cash): the element tells them apart.
            switch (task.ElementId)
            {
                case "review" or "secondReview":
                    // Four-eyes: the second approval is always given by the other credit manager.
                    var user = task.ElementId == "secondReview" ? "sim-credit-b" : "sim-credit-a";
                    var reject = behaviourOfKey(task.BusinessKey ?? string.Empty) == CustomerBehaviour.InDifficulty ? random.NextDouble() < 0.6 : random.NextDouble() < 0.1;
                    await AnswerAsync(task, user, Roles.CreditManager, new()
                    {
                        ["decision"] = reject ? CreditRelease.Reject : CreditRelease.Release,
                        ["comment"] = reject ? "Too risky at this exposure" : "Known customer; accepted above the rules",
                    }, cancellationToken).ConfigureAwait(false);
                    break;
                case "handOver":
                    await AnswerAsync(task, "sim-credit-a", Roles.CreditManager, new() { ["comment"] = "File sent to the collection agency" }, cancellationToken).ConfigureAwait(false);
                    break;
                case "followUp":
                    await AnswerAsync(task, "sim-credit-a", Roles.CreditManager, [], cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task SalespeopleAsync(CancellationToken cancellationToken)
    {
        foreach (var task in await InboxAsync("sim-sales", Roles.Salesperson, cancellationToken).ConfigureAwait(false))
        {
            if (task.ElementId == "call")
            {
                var reason = behaviourOfKey(task.BusinessKey ?? string.Empty) switch
                {
                    CustomerBehaviour.InDifficulty => "CUSTOMER_CASH_DIFFICULTY",
                    CustomerBehaviour.Disputer => "AWAITING_CREDIT_NOTE",
                    _ => random.NextDouble() < 0.85 ? "APPROVAL_DELAY_AT_CUSTOMER" : "PAID_NOT_APPLIED",
                };
                await AnswerAsync(task, "sim-sales", Roles.Salesperson, new() { ["lateReason"] = reason, ["comment"] = "Called the accounts payable department" }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DisputeOwnersAsync(CancellationToken cancellationToken)
    {
        foreach (var role in DisputeOwnerRoles)
        {
            foreach (var task in await InboxAsync("sim-" + role, role, cancellationToken).ConfigureAwait(false))
            {
                if (!task.ElementId.StartsWith("resolveBy", StringComparison.Ordinal))
                {
                    continue;
                }

                if (!disputeAnswerDays.TryGetValue(task.Id, out var answerOn))
                {
                    disputeAnswerDays[task.Id] = answerOn = DateOnly.FromDateTime(task.CreatedAt.UtcDateTime).AddDays(random.Next(2, 21));
                }

                if (answerOn > clock.Today)
                {
                    continue;
                }

                var draw = random.NextDouble();
                var outcome = draw < 0.55 ? DisputeOutcome.CreditNote : draw < 0.65 ? DisputeOutcome.CorrectedInvoice : draw < 0.75 ? DisputeOutcome.Resend : DisputeOutcome.Rejected;
                disputeAnswerDays.Remove(task.Id);
                await AnswerAsync(task, "sim-" + role, role, new() { ["outcome"] = outcome.ToString(), ["comment"] = "Checked with the delivery note and the price list" }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<IEnumerable<UserTask>> InboxAsync(string user, string role, CancellationToken cancellationToken)
    {
        var tasks = await reader.InboxAsync(user, [role], cancellationToken).ConfigureAwait(false);
        // Task ids are random: the business key, the element and the creation instant make the order of work reproducible.
        return tasks.Where(t => t.CandidateRole == role)
            .OrderBy(t => t.BusinessKey, StringComparer.Ordinal).ThenBy(t => t.ElementId, StringComparer.Ordinal).ThenBy(t => t.CreatedAt).ToList();
    }

    private async Task AnswerAsync(UserTask task, string user, string role, Dictionary<string, object?> outputs, CancellationToken cancellationToken)
    {
        await runtime.ClaimAsync(task.Id, user, [role], cancellationToken).ConfigureAwait(false);
        await runtime.CompleteAsync(task.Id, user, [role], outputs, cancellationToken).ConfigureAwait(false);
    }
}
