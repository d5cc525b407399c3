using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Dunning;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.ToTable("reminders");
        builder.HasKey(r => r.Id);
        // One reminder per invoice and step: a replayed step cannot write the same reminder twice.
        builder.HasIndex(r => new { r.InvoiceId, r.Step }).IsUnique();
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => r.CustomerId);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(r => r.InvoiceId);
        builder.Property(r => r.InvoiceNumber).HasMaxLength(32);
        builder.Property(r => r.CustomerId).HasMaxLength(32);
        builder.Property(r => r.Step).HasMaxLength(50);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Recipient).HasMaxLength(300);
        builder.Property(r => r.Subject).HasMaxLength(300);
        builder.Property(r => r.Body).HasMaxLength(8000);
        builder.Property(r => r.AmountDue).HasPrecision(18, 2);
        builder.Property(r => r.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.LastError).HasMaxLength(2000);
        builder.Property(r => r.PenaltyRatePercent).HasPrecision(9, 4);
        builder.HasIndex(r => r.StatementId);
    }
}
