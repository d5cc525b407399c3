using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Disputes;

/// <param name="DisputeNumber">The dispute to route.</param>
/// <param name="TransportDamage">Damaged in transport (from the raise request).</param>
/// <param name="DealNotEntered">A deal of sales never entered (from the raise request).</param>
public sealed record DisputeRouteInput(string DisputeNumber, bool TransportDamage, bool DealNotEntered);

/// <param name="Department">The owning department chosen by the rules (empty: route by hand).</param>
/// <param name="Role">The role whose members resolve it.</param>
/// <param name="SlaDueAt">When the SLA timer escalates it.</param>
public sealed record DisputeRouteOutput(string Department, string Role, DateTimeOffset SlaDueAt);

/// <summary>Routes the dispute with the dispute-routing rules: department, resolving role, SLA; the decision is recorded in the step.</summary>
[WorkflowHandler("dispute.route", "Routes a dispute to its owning department with a resolution SLA (dispute-routing rules).")]
public sealed class DisputeRouteHandler(DisputeRouter router, TimeProvider clock) : WorkflowHandler<DisputeRouteInput, DisputeRouteOutput>
{
    /// <summary>The SLA when no rule gives one (route by hand).</summary>
    public const int DefaultSlaDays = 10;

    protected override async ValueTask<DisputeRouteOutput> HandleAsync(DisputeRouteInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var dispute = await db.Set<Dispute>().SingleAsync(d => d.Number == input.DisputeNumber, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var route = await router.RouteAsync(dispute.Number, new DisputeRoutingInput(dispute.ReasonCode, dispute.Amount, input.TransportDamage, input.DealNotEntered), now, cancellationToken).ConfigureAwait(false);
        db.Add(route.Record);
        dispute.Department = route.Department;
        dispute.Route = route.Route;
        dispute.CreditManagerAttention = route.CreditManagerAttention;
        dispute.SlaDueAt = now.AddDays(route.ResolutionSlaDays ?? DefaultSlaDays);
        dispute.InstanceId ??= context.InstanceId;
        return new DisputeRouteOutput(route.Department ?? string.Empty, route.Role, dispute.SlaDueAt.Value);
    }
}
