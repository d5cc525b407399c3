using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Credit;

/// <summary>Asking for and deciding credit-limit changes; each call is one transaction.</summary>
public sealed class CreditLimitRequests(OrderToCashDbContext db, TimeProvider clock)
{
    /// <summary>Within the decimal(18,2) columns, and far above any real customer's limit.</summary>
    public const decimal MaxLimit = 1_000_000_000_000m;

    public async Task<CreditLimitChangeRequest> RequestAsync(string customerId, decimal requestedLimit, string reason, string requestedBy, CancellationToken cancellationToken)
    {
        if (requestedLimit < 0)
        {
            throw new CreditDecisionException($"A credit limit cannot be negative ({requestedLimit:0.00}).");
        }

        if (requestedLimit > MaxLimit)
        {
            throw new CreditDecisionException($"A credit limit above {MaxLimit:N0} is not plausible ({requestedLimit:N2} asked).");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new CreditDecisionException("Say why the limit should change: the credit manager decides on the reason.");
        }

        var customer = await db.Set<Customer>().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Customer '{customerId}' was not found.");
        if (await db.Set<CreditLimitChangeRequest>().AnyAsync(r => r.CustomerId == customerId && r.Status == CreditLimitRequestStatus.Pending, cancellationToken).ConfigureAwait(false))
        {
            throw new CreditDecisionException($"Customer '{customerId}' already has a pending credit-limit request: decide it first.");
        }

        var request = new CreditLimitChangeRequest
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            CustomerId = customerId,
            Currency = customer.Currency,
            CurrentLimit = customer.InternalCreditLimit,
            RequestedLimit = requestedLimit,
            Reason = reason.Trim(),
            RequestedBy = requestedBy,
            RequestedAt = clock.GetUtcNow(),
        };
        db.Add(request);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            throw new CreditDecisionException($"Customer '{customerId}' already has a pending credit-limit request: decide it first.");
        }

        return request;
    }

    /// <summary>Approves (the granted limit replaces the customer's internal limit) or rejects, in one transaction.</summary>
    public async Task<CreditLimitChangeRequest> DecideAsync(Guid requestId, bool approve, decimal? grantedLimit, string comment, string decidedBy, CancellationToken cancellationToken)
    {
        var request = await db.Set<CreditLimitChangeRequest>().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Credit-limit request '{requestId}' was not found.");
        if (approve)
        {
            var customer = await db.Set<Customer>().FirstAsync(c => c.Id == request.CustomerId, cancellationToken).ConfigureAwait(false);
            request.Approve(grantedLimit ?? request.RequestedLimit, decidedBy, comment, clock.GetUtcNow());
            Customers.CustomerMaster.RecordLimitChange(db, customer.Id, customer.InternalCreditLimit, request.GrantedLimit!.Value, decidedBy, clock.GetUtcNow());
            customer.InternalCreditLimit = request.GrantedLimit!.Value;
        }
        else
        {
            request.Reject(decidedBy, comment, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return request;
    }

    public Task<List<CreditLimitChangeRequest>> ForCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        db.Set<CreditLimitChangeRequest>().AsNoTracking().Where(r => r.CustomerId == customerId)
            .OrderByDescending(r => r.RequestedAt).ToListAsync(cancellationToken);
}
