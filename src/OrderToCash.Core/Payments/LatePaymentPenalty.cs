
namespace OrderToCash.Core.Payments;

/// <summary>
/// What a professional customer owes for paying late (Code de commerce L441-10 II, D441-5): interest from the day
/// after the due date at the annual rate in force (ECB refinancing rate + 10 points by default, from the
/// <c>escalation</c> rules), on a 365-day year, rounded to the cent; plus the fixed €40 recovery indemnity per invoice.
/// </summary>
public static class LatePaymentPenalty
{
    /// <summary>The fixed recovery indemnity per late invoice (D441-5).</summary>
    public static readonly Money RecoveryIndemnity = Money.Euros(40m);

    public static int DaysLate(DateOnly dueDate, DateOnly paidOn) => Math.Max(0, paidOn.DayNumber - dueDate.DayNumber);

    /// <summary>Simple interest on the late amount; zero when paid on or before the due date.</summary>
    /// <param name="lateAmount">The amount paid late (incl. VAT), never negative.</param>
    /// <param name="dueDate">The due date; interest runs from the day after.</param>
    /// <param name="paidOn">The payment date (or the date the interest is computed for).</param>
    /// <param name="annualRatePercent">E.g. 12.15 for ECB 2.15 % + 10 points.</param>
    public static Money Interest(Money lateAmount, DateOnly dueDate, DateOnly paidOn, decimal annualRatePercent)
    {
        if (lateAmount.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(lateAmount), lateAmount, "The late amount cannot be negative.");
        }

        if (annualRatePercent < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(annualRatePercent), annualRatePercent, "The penalty rate cannot be negative.");
        }

        var days = DaysLate(dueDate, paidOn);
        return (lateAmount * (annualRatePercent / 100m * days / 365m)).RoundToCents();
    }
}
