namespace OrderToCash.Core.Dunning;

/// <summary>
/// A reminder in the outbox: written in the step's transaction (so a step replay or a crash never sends it twice or
/// loses it), then delivered by a channel. The text is rendered once, per channel, when it is written.
/// </summary>
public sealed class Reminder
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid InvoiceId { get; init; }

    public required string InvoiceNumber { get; init; }

    public required string CustomerId { get; init; }

    /// <summary>The ladder step (rule name), e.g. PreDueNotice, SalespersonCordialCall, FormalReminder, FinalNotice, LegalHandOver.</summary>
    public required string Step { get; init; }

    /// <summary>The step's level on the ladder (1..5).</summary>
    public int Level { get; init; }

    public ReminderChannelKind Channel { get; init; }

    /// <summary>E-mail address, postal address, or the user who must phone.</summary>
    public required string Recipient { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    /// <summary>The amount asked for (the invoice's dunnable amount: open less disputed).</summary>
    public decimal AmountDue { get; init; }

    public required string Currency { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public ReminderDeliveryStatus Status { get; private set; } = ReminderDeliveryStatus.Pending;

    public DateTimeOffset? DeliveredAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>The e-mail statement this reminder was sent in (e-mailed steps are grouped per customer and step).</summary>
    public Guid? StatementId { get; set; }

    /// <summary>The annual late-payment penalty rate the step's decision gave (quoted by the statement), when late.</summary>
    public decimal? PenaltyRatePercent { get; init; }

    public string? LastError { get; private set; }

    public void Delivered(DateTimeOffset at) => (Status, DeliveredAt, Attempts) = (ReminderDeliveryStatus.Delivered, at, Attempts + 1);

    /// <summary>Nothing was left to ask when its statement was made (paid, credited or disputed since): never sent.</summary>
    public void Withdrawn(DateTimeOffset at, string reason) => (Status, DeliveredAt, LastError) = (ReminderDeliveryStatus.Withdrawn, at, reason);

    /// <summary>Takes its statement's delivery status (sent, still pending after a failed attempt, failed, bounced).</summary>
    public void FollowStatement(StatementStatus status, int attempts, string? error, DateTimeOffset at)
    {
        (Attempts, LastError) = (attempts, error);
        switch (status)
        {
            case StatementStatus.Sent:
                (Status, DeliveredAt) = (ReminderDeliveryStatus.Delivered, at);
                break;
            case StatementStatus.Failed:
                Status = ReminderDeliveryStatus.Failed;
                break;
            case StatementStatus.Bounced:
                Status = ReminderDeliveryStatus.Bounced;
                break;
            default:
                Status = ReminderDeliveryStatus.Pending;
                break;
        }
    }

    public void Failed(string error, int maxAttempts)
    {
        Attempts++;
        LastError = error;
        if (Attempts >= maxAttempts)
        {
            Status = ReminderDeliveryStatus.Failed;
        }
    }
}

public enum ReminderChannelKind
{
    Email,
    Letter,
    PhoneTask,
}

public enum ReminderDeliveryStatus
{
    Pending,
    Delivered,
    Failed,

    /// <summary>The mail server refused the customer's addresses for good: fix the contacts.</summary>
    Bounced,

    /// <summary>Not sent: nothing was left to ask when its statement was made.</summary>
    Withdrawn,
}
