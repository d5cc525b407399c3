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

    public string? LastError { get; private set; }

    public void Delivered(DateTimeOffset at) => (Status, DeliveredAt, Attempts) = (ReminderDeliveryStatus.Delivered, at, Attempts + 1);

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
}
