using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Processes;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Disputes;

/// <summary>
/// What follows a dispute, in the dispute's own transaction (ADR 0063): its workflow starts (routing, owner's task, SLA)
/// and a DunningReplan goes to the invoice's dunning workflow. A rolled-back dispute starts nothing, and a committed one
/// always has its workflow: no start-up repair is needed.
/// </summary>
public sealed class DisputeWorkflowStarter(DurableWorkflowRuntime runtime)
{
    /// <summary>Whether dispute.bpmn is published (checked before anything is written).</summary>
    public bool IsAvailable => runtime.Definitions.Latest(DisputeWorkflow.ProcessId) is not null;

    /// <summary>Starts the dispute's workflow and tells its invoice's dunning inside <paramref name="db"/>'s open transaction, after the dispute was saved in it.</summary>
    public async Task StartInAsync(OrderToCashDbContext db, Dispute dispute, bool transportDamage, bool dealNotEntered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        await runtime.StartInAsync(db, DisputeWorkflow.ProcessId, DisputeWorkflow.Variables(dispute, transportDamage, dealNotEntered), dispute.Number, cancellationToken).ConfigureAwait(false);
        await runtime.CorrelateInAsync(db, [new IncomingMessage(CycleMessages.DunningReplan, dispute.InvoiceNumber, $"dispute-opened:{dispute.Number}")], cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
