using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Payments;

internal sealed class PaymentAllocationConfiguration : IEntityTypeConfiguration<PaymentAllocation>
{
    public void Configure(EntityTypeBuilder<PaymentAllocation> builder)
    {
        builder.ToTable("payment_allocations");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.PaymentId);
        builder.HasIndex(a => a.InvoiceId);
        builder.HasOne<Payment>().WithMany().HasForeignKey(a => a.PaymentId);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(a => a.InvoiceId);
        builder.Property(a => a.Amount).HasPrecision(18, 2);
    }
}
