using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Invoicing;

/// <summary>
/// Queues the e-invoicing status Encaissée in the same transaction as the change that settles an invoice with cash
/// (a payment or a cash application: whatever path, the moment <see cref="Invoice.SettledOn"/> goes from empty to a
/// day with something paid). The transition happens once per invoice, and the message id (invoice + status) is unique,
/// so a replayed or concurrent settlement never queues a second message. An invoice closed by credit note or write-off
/// alone was not cashed and queues nothing.
/// </summary>
internal sealed class SettlementStatusHook : SaveHook
{
    public static readonly SettlementStatusHook Instance = new();

    protected override void BeforeSave(DbContext db)
    {
        var settled = db.ChangeTracker.Entries<Invoice>()
            .Where(e => e.State == EntityState.Modified
                && e.Property(i => i.SettledOn).OriginalValue is null
                && e.Entity.SettledOn is not null
                && e.Entity.PaidAmount > 0m)
            .Select(e => e.Entity)
            .ToList();
        foreach (var invoice in settled)
        {
            var messageId = EInvoicingStatusMessage.MessageIdFor(invoice.Number, EInvoicingStatus.Encaissee);
            if (db.ChangeTracker.Entries<EInvoicingStatusMessage>().Any(m => m.Entity.MessageId == messageId))
            {
                continue;
            }

            db.Add(new EInvoicingStatusMessage
            {
                MessageId = messageId,
                InvoiceId = invoice.Id,
                InvoiceNumber = invoice.Number,
                Status = EInvoicingStatus.Encaissee,
                Amount = invoice.PaidAmount,
                Currency = invoice.Currency,
                EffectiveOn = invoice.SettledOn!.Value,
                QueuedAt = new DateTimeOffset(invoice.SettledOn.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            });
            invoice.LifecycleStatus = EInvoicingStatus.Encaissee;
        }
    }
}
