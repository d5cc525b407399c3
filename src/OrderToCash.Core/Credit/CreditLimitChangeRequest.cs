namespace OrderToCash.Core.Credit;

/// <summary>
/// A request to change a customer's internal credit limit, negotiated between sales and the credit manager:
/// sales asks with a reason, the credit manager approves (possibly a different amount) or rejects, with a comment.
/// The decision is recorded and the limit changes in the same transaction.
/// </summary>
public sealed class CreditLimitChangeRequest
{
    public Guid Id { get; init; }

    public required string CustomerId { get; init; }

    public required string Currency { get; init; }

    public decimal CurrentLimit { get; init; }

    public decimal RequestedLimit { get; init; }

    public required string Reason { get; init; }

    public required string RequestedBy { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public CreditLimitRequestStatus Status { get; private set; } = CreditLimitRequestStatus.Pending;

    public decimal? GrantedLimit { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionComment { get; private set; }

    /// <summary>Approves the request, for the amount asked or another one the credit manager grants.</summary>
    public void Approve(decimal grantedLimit, string decidedBy, string comment, DateTimeOffset at)
    {
        EnsurePending(decidedBy);
        if (grantedLimit is < 0 or > CreditLimitRequests.MaxLimit)
        {
            throw new CreditDecisionException($"A credit limit must be between 0 and {CreditLimitRequests.MaxLimit:N0} ({grantedLimit:N2} given).");
        }

        (Status, GrantedLimit, DecidedBy, DecidedAt, DecisionComment) = (CreditLimitRequestStatus.Approved, grantedLimit, decidedBy, at, comment);
    }

    public void Reject(string decidedBy, string comment, DateTimeOffset at)
    {
        EnsurePending(decidedBy);
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new CreditDecisionException("A rejection needs a comment for the salesperson: say why.");
        }

        (Status, DecidedBy, DecidedAt, DecisionComment) = (CreditLimitRequestStatus.Rejected, decidedBy, at, comment);
    }

    private void EnsurePending(string decidedBy)
    {
        if (Status != CreditLimitRequestStatus.Pending)
        {
            throw new CreditDecisionException($"The request {Id} was already {Status.ToString().ToLowerInvariant()} by {DecidedBy} on {DecidedAt:yyyy-MM-dd}.");
        }

        if (string.Equals(decidedBy, RequestedBy, StringComparison.OrdinalIgnoreCase))
        {
            throw new CreditDecisionException($"{decidedBy} asked for this change and cannot also decide it.");
        }
    }
}

public enum CreditLimitRequestStatus
{
    Pending,
    Approved,
    Rejected,
}
