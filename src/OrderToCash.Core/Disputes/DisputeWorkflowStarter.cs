using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Processes;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Disputes;

/// <summary>
/// What follows a committed dispute: its workflow (routing, owner's task, SLA) and a DunningReplan to the invoice's
/// dunning workflow. Both run after the dispute's transaction commits, so a rolled-back dispute starts nothing; a message
/// lost in between only delays the replan (the dunning workflow re-reads the invoice at every wake-up).
/// </summary>
public sealed class DisputeWorkflowStarter(DurableWorkflowRuntime runtime, Func<OrderToCashDbContext> createContext)
{
    /// <summary>Whether dispute.bpmn is published (checked before anything is written).</summary>
    public bool IsAvailable => runtime.Definitions.Latest(DisputeWorkflow.ProcessId) is not null;

    public async Task StartAsync(Dispute dispute, bool transportDamage, bool dealNotEntered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        await runtime.StartAsync(DisputeWorkflow.ProcessId, DisputeWorkflow.Variables(dispute, transportDamage, dealNotEntered), dispute.Number, cancellationToken).ConfigureAwait(false);
        await runtime.CorrelateAsync(new IncomingMessage(CycleMessages.DunningReplan, dispute.InvoiceNumber, $"dispute-opened:{dispute.Number}"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the workflow of open disputes left without one by a crash between the dispute's commit and the start (the
    /// routing flags of the request were not kept: such a dispute is routed on its reason and amount alone).
    /// </summary>
    public async Task<int> StartMissingAsync(CancellationToken cancellationToken)
    {
        if (!IsAvailable)
        {
            return 0;
        }

        List<Dispute> orphans;
        await using (var db = createContext())
        {
            var instances = WorkflowQueries.Instances(db);
            orphans = await db.Set<Dispute>().AsNoTracking()
                .Where(d => d.Status == DisputeStatus.Open && d.InstanceId == null)
                .Where(d => !instances.Any(i => i.ProcessId == DisputeWorkflow.ProcessId && i.BusinessKey == d.Number))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var dispute in orphans)
        {
            await StartAsync(dispute, transportDamage: false, dealNotEntered: false, cancellationToken).ConfigureAwait(false);
        }

        return orphans.Count;
    }
}
