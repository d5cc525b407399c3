using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.Invoicing;

internal sealed class EInvoicingStatusMessageConfiguration : IEntityTypeConfiguration<EInvoicingStatusMessage>
{
    public void Configure(EntityTypeBuilder<EInvoicingStatusMessage> builder)
    {
        builder.ToTable("einvoicing_outbox");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => m.InvoiceId);
        builder.HasIndex(m => new { m.SentAt, m.QueuedAt });
        builder.HasOne<Invoice>().WithMany().HasForeignKey(m => m.InvoiceId);
        builder.Property(m => m.MessageId).HasMaxLength(100);
        builder.Property(m => m.InvoiceNumber).HasMaxLength(32);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Amount).HasPrecision(18, 2);
        builder.Property(m => m.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(m => m.LastError).HasMaxLength(1000);
    }
}
