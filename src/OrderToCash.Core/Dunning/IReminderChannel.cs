namespace OrderToCash.Core.Dunning;

/// <summary>
/// Delivers a rendered reminder (e-mail, letter, phone task). The one seam of the outbox: a mail server or a print
/// service replaces the default folder channel without touching the ladder. Delivery must be idempotent for one
/// reminder (a crash after delivering but before recording it delivers it again).
/// </summary>
public interface IReminderChannel
{
    Task DeliverAsync(Reminder reminder, CancellationToken cancellationToken);
}
