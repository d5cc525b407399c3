using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Core.Disputes;

/// <param name="DisputeNumber">The dispute to route.</param>
/// <param name="DecisionId">The routing business-rule task's <c>decisionId</c> (rule set dispute-routing).</param>
public sealed record DisputeRouteInput(string DisputeNumber, long DecisionId);

/// <param name="Department">The owning department chosen by the rules (empty: route by hand).</param>
/// <param name="Role">The role whose members resolve it.</param>
/// <param name="SlaDueAt">When the SLA timer escalates it.</param>
public sealed record DisputeRouteOutput(string Department, string Role, DateTimeOffset SlaDueAt);

/// <summary>
/// Applies the dispute-routing decision (the workflow's business-rule task, ADR 0064) to the dispute in the step's
/// transaction: owning department, route, the credit manager's attention and the SLA's due instant.
/// </summary>
[WorkflowHandler("dispute.apply-routing", "Gives a dispute its owning department, resolving role and SLA from the dispute-routing decision.")]
public sealed class DisputeRouteHandler(DisputeRouter router, TimeProvider clock) : WorkflowHandler<DisputeRouteInput, DisputeRouteOutput>
{
    /// <summary>The SLA when no rule gives one (route by hand).</summary>
    public const int DefaultSlaDays = 10;

    protected override async ValueTask<DisputeRouteOutput> HandleAsync(DisputeRouteInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var record = await db.Set<DecisionRecord>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == input.DecisionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Decision {input.DecisionId} was not found: map the decisionId of the routing (a business-rule task of the dispute-routing rule set) into this task.");
        var route = await router.ReadAsync(record, cancellationToken).ConfigureAwait(false);
        var dispute = await db.Set<Dispute>().SingleAsync(d => d.Number == input.DisputeNumber, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        dispute.Department = route.Department;
        dispute.Route = route.Route;
        dispute.CreditManagerAttention = route.CreditManagerAttention;
        dispute.SlaDueAt = now.AddDays(route.ResolutionSlaDays ?? DefaultSlaDays);
        dispute.InstanceId ??= context.InstanceId;
        return new DisputeRouteOutput(route.Department ?? string.Empty, route.Role, dispute.SlaDueAt.Value);
    }
}
