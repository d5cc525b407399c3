using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Payments;

/// <summary>
/// Late-payment interest that could not be computed when the invoice was settled because the ECB rate table lacks the
/// due date's semester (ADR 0101): the basis (the amount paid late), the days and the semester are recorded, and the
/// interest is charged to the invoice, once, when a credit manager enters that semester's rate. Never a silent zero.
/// </summary>
public sealed class PendingInterest
{
    public Guid Id { get; init; }

    public Guid InvoiceId { get; init; }

    public required string InvoiceNumber { get; init; }

    public required string CustomerId { get; init; }

    /// <summary>The due date's semester (<c>2026-H2</c>), whose ECB rate is missing.</summary>
    public required string Semester { get; init; }

    /// <summary>The amount paid late (incl. VAT).</summary>
    public decimal BasisAmount { get; init; }

    public required string Currency { get; init; }

    public DateOnly DueDate { get; init; }

    /// <summary>The day the late amount was paid: interest runs from the day after the due date to this day.</summary>
    public DateOnly PaidOn { get; init; }

    public int Days { get; init; }

    /// <summary>The points the escalation rules add to the ECB rate (10, L441-10 II), as decided at settlement.</summary>
    public decimal PointsAboveEcb { get; init; }

    public int EscalationVersion { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public PendingInterestStatus Status { get; private set; }

    /// <summary>The ECB rate used, once charged.</summary>
    public decimal? EcbRatePercent { get; private set; }

    /// <summary>The interest charged to the invoice, to the cent.</summary>
    public decimal? Interest { get; private set; }

    public DateTimeOffset? ChargedAt { get; private set; }

    /// <summary>The version of the ECB rate table whose rate was used.</summary>
    public int? EcbTableVersion { get; private set; }

    public static PendingInterest Record(Invoice invoice, PaymentAllocation latePayment, decimal pointsAboveEcb, int escalationVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(latePayment);
        return new PendingInterest
        {
            Id = Guid.NewGuid(),
            InvoiceId = invoice.Id,
            InvoiceNumber = invoice.Number,
            CustomerId = invoice.CustomerId,
            Semester = ReferenceTables.Semester.Of(invoice.DueDate).ToString(),
            BasisAmount = latePayment.Amount,
            Currency = invoice.Currency,
            DueDate = invoice.DueDate,
            PaidOn = latePayment.AppliedOn,
            Days = LatePaymentPenalty.DaysLate(invoice.DueDate, latePayment.AppliedOn),
            PointsAboveEcb = pointsAboveEcb,
            EscalationVersion = escalationVersion,
            RecordedAt = now,
            Status = PendingInterestStatus.Pending,
        };
    }

    /// <summary>Computes the interest at the entered ECB rate + the recorded points, charges it to the invoice and closes this record.</summary>
    public Money Charge(Invoice invoice, decimal ecbRatePercent, int tableVersion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (Status != PendingInterestStatus.Pending || invoice.Id != InvoiceId)
        {
            throw new InvalidOperationException($"The pending interest {Id} of {InvoiceNumber} is {Status}: it is charged once.");
        }

        var interest = LatePaymentPenalty.Interest(new Money(BasisAmount, Currency), DueDate, PaidOn, ecbRatePercent + PointsAboveEcb);
        invoice.AddLateInterest(interest);
        (Status, EcbRatePercent, Interest, ChargedAt, EcbTableVersion) = (PendingInterestStatus.Charged, ecbRatePercent, interest.Amount, now, tableVersion);
        return interest;
    }
}

public enum PendingInterestStatus
{
    Pending,
    Charged,
}
