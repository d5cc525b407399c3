using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderToCash.Core.Customers;

namespace OrderToCash.Core.Credit;

internal sealed class CreditExposureConfiguration : IEntityTypeConfiguration<CreditExposure>
{
    public void Configure(EntityTypeBuilder<CreditExposure> builder)
    {
        builder.ToTable("credit_exposures");
        builder.HasKey(e => e.CustomerId);
        builder.Property(e => e.CustomerId).HasMaxLength(32);
        builder.HasOne<Customer>().WithOne().HasForeignKey<CreditExposure>(e => e.CustomerId);
        builder.Property(e => e.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(e => e.OpenOrders).HasPrecision(18, 2);
        builder.Property(e => e.DeliveredNotInvoiced).HasPrecision(18, 2);
        builder.Property(e => e.OpenReceivables).HasPrecision(18, 2);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.Total);
    }
}
