using OrderToCash.Engine.Handlers;

namespace OrderToCash.Cli.Commands.Bench;

public sealed record CreditScoreInput(decimal Amount, decimal Limit);

public sealed record CreditScoreOutput(bool Approved, decimal Headroom);

/// <summary>
/// W1's service task: approves an amount within the limit. It measures the engine, not the domain: the product's
/// credit check is the credit-limit rule set run at order entry (CreditCheck).
/// </summary>
[WorkflowHandler("credit.score", "Approves an amount within the customer's credit limit; outputs approved and headroom.")]
public sealed class CreditScoreHandler : WorkflowHandler<CreditScoreInput, CreditScoreOutput>
{
    protected override ValueTask<CreditScoreOutput> HandleAsync(CreditScoreInput input, HandlerContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new CreditScoreOutput(input.Amount <= input.Limit, input.Limit - input.Amount));
}
