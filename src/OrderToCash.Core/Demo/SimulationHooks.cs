using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Processes;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Demo;

/// <summary>
/// Where the simulated customers act through the reminders-and-disputes side of the product, with the same services
/// the API uses: a dispute raised on the portal (its workflow then routes it and the owner resolves it), a promise
/// to pay (the dunning pauses until its date).
/// </summary>
internal static class SimulationHooks
{
    /// <summary>A disputer contests part of an invoice; false when the intake refuses it (e.g. nothing left to contest).</summary>
    public static async Task<bool> RaiseDisputeAsync(IServiceProvider services, DisputeIntent intent, CancellationToken cancellationToken)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        Dispute dispute;
        var request = new NewDispute(intent.Amount, intent.ReasonCode, intent.Comment, TransportDamage: false, DealNotEntered: false);
        await using (var db = services.GetRequiredService<Func<OrderToCashDbContext>>()())
        {
            var invoice = await db.Set<Invoice>().SingleAsync(i => i.Number == intent.InvoiceNumber, cancellationToken).ConfigureAwait(false);
            if ((await DisputeIntake.CheckAsync(db, invoice, request, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                return false;
            }

            dispute = await DisputeIntake.AddAsync(db, invoice, request, DisputeSource.Portal, null, "sim-customer-" + intent.CustomerId, now, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        await services.GetRequiredService<DisputeWorkflowStarter>().StartAsync(dispute, transportDamage: false, dealNotEntered: false, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>A reminded customer promises a payment date; false when the intake refuses it (e.g. a promise is already pending).</summary>
    public static async Task<bool> PromiseToPayAsync(IServiceProvider services, PromiseIntent intent, CancellationToken cancellationToken)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        PromiseToPay? promise;
        await using (var db = services.GetRequiredService<Func<OrderToCashDbContext>>()())
        {
            var invoice = await db.Set<Invoice>().SingleAsync(i => i.Number == intent.InvoiceNumber, cancellationToken).ConfigureAwait(false);
            (promise, _) = await PromiseIntake.RecordAsync(db, invoice, new NewPromise(intent.Amount, intent.PromisedFor, null), "sim-collector", now, cancellationToken).ConfigureAwait(false);
        }

        if (promise is null)
        {
            return false;
        }

        await services.GetRequiredService<DurableWorkflowRuntime>()
            .CorrelateAsync(new Engine.Durable.IncomingMessage(CycleMessages.DunningReplan, intent.InvoiceNumber, $"promise-recorded:{promise.Id}"), cancellationToken).ConfigureAwait(false);
        return true;
    }
}

/// <param name="InvoiceNumber">The contested invoice.</param>
/// <param name="CustomerId">Who contests it.</param>
/// <param name="Amount">The contested part (incl. VAT).</param>
/// <param name="ReasonCode">A reason code of the taxonomy (e.g. PRICE_ERROR).</param>
/// <param name="Comment">The customer's words.</param>
internal sealed record DisputeIntent(string InvoiceNumber, string CustomerId, decimal Amount, string ReasonCode, string Comment);

/// <param name="InvoiceNumber">The invoice promised.</param>
/// <param name="Amount">The amount promised.</param>
/// <param name="PromisedFor">The date the customer promises to pay.</param>
internal sealed record PromiseIntent(string InvoiceNumber, decimal Amount, DateOnly PromisedFor);
