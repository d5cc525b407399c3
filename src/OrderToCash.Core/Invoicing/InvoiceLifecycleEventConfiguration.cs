using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.Invoicing;

internal sealed class InvoiceLifecycleEventConfiguration : IEntityTypeConfiguration<InvoiceLifecycleEvent>
{
    public void Configure(EntityTypeBuilder<InvoiceLifecycleEvent> builder)
    {
        builder.ToTable("invoice_lifecycle_events");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.MessageId).IsUnique();
        builder.HasIndex(e => e.InvoiceId);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(e => e.InvoiceId);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ReasonCode).HasMaxLength(30);
        builder.Property(e => e.Comment).HasMaxLength(1000);
        builder.Property(e => e.MessageId).HasMaxLength(100);
    }
}
