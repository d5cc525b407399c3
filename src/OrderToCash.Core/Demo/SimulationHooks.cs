using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Collections;
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
        var request = new NewDispute(intent.Amount, intent.ReasonCode, intent.Comment, TransportDamage: false, DealNotEntered: false);
        var raised = await services.GetRequiredService<DisputeRaising>().RaiseAsync(
            (db, ct) => db.Set<Invoice>().SingleAsync(i => i.Number == intent.InvoiceNumber, ct), request, DisputeSource.Portal, "sim-customer-" + intent.CustomerId, cancellationToken).ConfigureAwait(false);
        return raised.Dispute is not null;
    }

    /// <summary>
    /// Called by its collector, a reminded customer promises a payment date: the call goes into the contact log with the
    /// promise, as a collector records it on the worklist; false when the intake refuses it (e.g. a promise is pending).
    /// </summary>
    public static async Task<bool> PromiseToPayAsync(IServiceProvider services, PromiseIntent intent, CancellationToken cancellationToken)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        PromiseToPay? promise;
        await using (var db = services.GetRequiredService<Func<OrderToCashDbContext>>()())
        {
            var customerId = await db.Set<Invoice>().Where(i => i.Number == intent.InvoiceNumber).Select(i => i.CustomerId).SingleAsync(cancellationToken).ConfigureAwait(false);
            var call = new NewContact(
                nameof(ContactKind.Call), nameof(ContactOutcome.PromiseToPay), "Comptabilité fournisseurs", "Relance téléphonique : le client s’engage sur une date de paiement.",
                intent.InvoiceNumber, null, null, new NewPromise(intent.Amount, intent.PromisedFor, null));
            (_, promise, _) = await ContactLog.RecordAsync(db, customerId, call, DemoPeople.CollectorOf(customerId), now, cancellationToken).ConfigureAwait(false);
        }

        if (promise is null)
        {
            return false;
        }

        await services.GetRequiredService<DurableWorkflowRuntime>()
            .CorrelateAsync(new Engine.Durable.IncomingMessage(CycleMessages.DunningReplan, intent.InvoiceNumber, $"promise-recorded:{promise.Id}"), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>A collector's call that reached nobody who commits: logged with the day to call back.</summary>
    public static async Task LogCallAsync(IServiceProvider services, PlannedCall call, CancellationToken cancellationToken)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = services.GetRequiredService<Func<OrderToCashDbContext>>()();
        var customerId = await db.Set<Invoice>().Where(i => i.Number == call.InvoiceNumber).Select(i => i.CustomerId).SingleAsync(cancellationToken).ConfigureAwait(false);
        var entry = new NewContact(
            nameof(ContactKind.Call), call.Outcome, null, "Relance téléphonique du service comptabilité fournisseurs.", call.InvoiceNumber,
            "Rappeler la comptabilité fournisseurs", DateOnly.FromDateTime(now.UtcDateTime).AddDays(call.CallBackInDays), null);
        var (recorded, _, problems) = await ContactLog.RecordAsync(db, customerId, entry, DemoPeople.CollectorOf(customerId), now, cancellationToken).ConfigureAwait(false);
        if (recorded is null)
        {
            throw new InvalidOperationException($"The simulation's call about {call.InvoiceNumber} was refused: {string.Join(" ", problems.Values.SelectMany(p => p))}");
        }
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
