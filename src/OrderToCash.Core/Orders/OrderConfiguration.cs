using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderToCash.Core.Customers;

namespace OrderToCash.Core.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.HasIndex(o => new { o.CustomerId, o.Status });
        builder.Property(o => o.Number).HasMaxLength(32);
        builder.Property(o => o.CustomerId).HasMaxLength(32);
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId);
        builder.Property(o => o.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(o => o.NetTotal).HasPrecision(18, 2);
        builder.Property(o => o.VatTotal).HasPrecision(18, 2);
        builder.Property(o => o.GrossTotal).HasPrecision(18, 2);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(o => o.CreatedBy).HasMaxLength(100);
        builder.Property(o => o.CreditBlockReasons).HasMaxLength(4000);
        builder.Property(o => o.ReleaseInstanceId).HasMaxLength(40);
        builder.Property(o => o.CycleInstanceId).HasMaxLength(40);
        builder.Property(o => o.FirstApprover).HasMaxLength(100);
        builder.Property(o => o.FirstApprovalComment).HasMaxLength(1000);
        builder.Property(o => o.DecidedBy).HasMaxLength(100);
        builder.Property(o => o.DecisionComment).HasMaxLength(1000);
        builder.Ignore(o => o.Total);
        builder.OwnsMany(o => o.Lines, line =>
        {
            line.ToTable("order_lines");
            line.WithOwner().HasForeignKey("OrderId");
            line.HasKey("OrderId", nameof(OrderLine.LineNumber));
            line.Property(l => l.Description).HasMaxLength(200);
            line.Property(l => l.ProductFamily).HasMaxLength(50);
            line.Property(l => l.Quantity).HasPrecision(18, 3);
            line.Property(l => l.UnitPrice).HasPrecision(18, 4);
            line.Property(l => l.VatRate).HasPrecision(5, 2);
            line.Ignore(l => l.NetAmount);
            line.Ignore(l => l.VatAmount);
        });
    }
}
