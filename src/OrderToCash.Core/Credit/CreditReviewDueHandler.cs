using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Credit;

/// <summary>Reads nothing: "due" is measured on today's date.</summary>
public sealed record CreditReviewDueInput;

/// <param name="CustomerIds">The customers whose next credit review date (<c>NextReviewOn</c>) is today or past, by id.</param>
public sealed record CreditReviewDueOutput(IReadOnlyList<string> CustomerIds);

/// <summary>
/// The customers whose credit limit is due for review: what the monthly credit-limit review process
/// (<c>workflows/credit-limit-review.bpmn</c>, started by its timer) opens one task for, each.
/// </summary>
[WorkflowHandler("credit.reviews-due", "Lists the customers whose credit-limit review date is today or past.")]
public sealed class CreditReviewDueHandler(TimeProvider clock) : WorkflowHandler<CreditReviewDueInput, CreditReviewDueOutput>
{
    /// <summary>One review process opens at most this many tasks; the rest wait for the next run.</summary>
    public const int MaxPerRun = 500;

    protected override async ValueTask<CreditReviewDueOutput> HandleAsync(CreditReviewDueInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var due = await db.Set<Customer>().AsNoTracking()
            .Where(c => c.NextReviewOn != null && c.NextReviewOn <= today)
            .OrderBy(c => c.NextReviewOn).ThenBy(c => c.Id)
            .Select(c => c.Id)
            .Take(MaxPerRun)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new CreditReviewDueOutput(due);
    }
}
