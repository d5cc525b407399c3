using OrderToCash.Core.Invoicing;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Disputes;

/// <summary>
/// What follows a committed dispute: its workflow (routing, owner's task, SLA) and a DunningReplan to the invoice's
/// dunning workflow. Both run after the dispute's transaction commits, so a rolled-back dispute starts nothing; a message
/// lost in between only delays the replan (the dunning workflow re-reads the invoice at every wake-up).
/// </summary>
public sealed class DisputeWorkflowStarter(DurableWorkflowRuntime runtime)
{
    /// <summary>Whether dispute.bpmn is published (checked before anything is written).</summary>
    public bool IsAvailable => runtime.Definitions.Latest(DisputeWorkflow.ProcessId) is not null;

    public async Task StartAsync(Dispute dispute, bool transportDamage, bool dealNotEntered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        await runtime.StartAsync(DisputeWorkflow.ProcessId, DisputeWorkflow.Variables(dispute, transportDamage, dealNotEntered), dispute.Number, cancellationToken).ConfigureAwait(false);
        await runtime.CorrelateAsync(new IncomingMessage(CycleMessages.DunningReplan, dispute.InvoiceNumber, $"dispute-opened:{dispute.Number}"), cancellationToken).ConfigureAwait(false);
    }
}
