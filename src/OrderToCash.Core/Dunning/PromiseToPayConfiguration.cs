using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Dunning;

internal sealed class PromiseToPayConfiguration : IEntityTypeConfiguration<PromiseToPay>
{
    public void Configure(EntityTypeBuilder<PromiseToPay> builder)
    {
        builder.ToTable("promises_to_pay");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.InvoiceId, p.Status });
        // At most one pending promise per invoice, even when two arrive at once (the intake checks first; this is the proof).
        builder.HasIndex(p => p.InvoiceId).IsUnique().HasFilter("\"Status\" = 'Pending'").HasDatabaseName("IX_promises_to_pay_one_pending");
        builder.HasIndex(p => p.PromisedFor);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(p => p.InvoiceId);
        builder.Property(p => p.InvoiceNumber).HasMaxLength(32);
        builder.Property(p => p.CustomerId).HasMaxLength(32);
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.PaidBefore).HasPrecision(18, 2);
        builder.Property(p => p.PaidToward).HasPrecision(18, 2);
        builder.Property(p => p.RecordedBy).HasMaxLength(100);
        builder.Property(p => p.InstanceId).HasMaxLength(40);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Ignore(p => p.CheckDate);
    }
}
