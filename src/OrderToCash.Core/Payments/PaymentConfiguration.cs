using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderToCash.Core.Customers;

namespace OrderToCash.Core.Payments;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.Reference).IsUnique();
        builder.HasIndex(p => new { p.CustomerId, p.ReceivedOn });
        builder.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId);
        builder.Property(p => p.Reference).HasMaxLength(64);
        builder.Property(p => p.CustomerId).HasMaxLength(32);
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.UnappliedAmount).HasPrecision(18, 2);
        builder.Property(p => p.RemittanceInfo).HasMaxLength(140);
        builder.Property(p => p.RecordedBy).HasMaxLength(100);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Unapplied);
    }
}
