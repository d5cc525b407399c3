namespace OrderToCash.Cli.Commands.Simulate;

/// <summary>
/// Where the simulated customers act through the reminders-and-disputes side of the product (dispute raising, promises
/// to pay). Until those services are wired here, each hook answers false and the simulation plays the stand-in named
/// on the hook, so the ledger still balances. MERGE: wire <see cref="RaiseDispute"/> to the dispute service and
/// <see cref="PromiseToPay"/> to the promise-to-pay service.
/// </summary>
internal sealed class SimulationHooks
{
    /// <summary>
    /// A disputer contests part of an invoice. True when a dispute was raised (its workflow then routes and resolves it).
    /// Stand-in when false: sales administration accepts the claim and issues a credit note for it ten days later.
    /// </summary>
    public Func<IServiceProvider, DisputeIntent, CancellationToken, Task<bool>> RaiseDispute { get; init; } = (_, _, _) => Task.FromResult(false);

    /// <summary>
    /// A late payer, reminded, promises a payment date. True when the promise was recorded (the dunning pauses).
    /// Stand-in when false: none; the customer simply pays on the date it would have promised.
    /// </summary>
    public Func<IServiceProvider, PromiseIntent, CancellationToken, Task<bool>> PromiseToPay { get; init; } = (_, _, _) => Task.FromResult(false);
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
