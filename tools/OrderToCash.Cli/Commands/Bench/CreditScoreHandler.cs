using OrderToCash.Engine.Handlers;

namespace OrderToCash.Cli.Commands.Bench;

public sealed record CreditScoreInput(decimal Amount, decimal Limit);

public sealed record CreditScoreOutput(bool Approved, decimal Headroom);

/// <summary>
/// W1's service task: approves an amount within the limit. A stand-in kept with the benchmark (and used by
/// workflows/credit-check.bpmn) until the domain's credit handlers exist in OrderToCash.Core.
/// </summary>
[WorkflowHandler("credit.score", "Approves an amount within the customer's credit limit; outputs approved and headroom.")]
public sealed class CreditScoreHandler : WorkflowHandler<CreditScoreInput, CreditScoreOutput>
{
    protected override ValueTask<CreditScoreOutput> HandleAsync(CreditScoreInput input, HandlerContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new CreditScoreOutput(input.Amount <= input.Limit, input.Limit - input.Amount));
}
