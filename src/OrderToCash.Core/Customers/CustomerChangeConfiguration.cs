using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.Customers;

internal sealed class CustomerChangeConfiguration : IEntityTypeConfiguration<CustomerChange>
{
    public void Configure(EntityTypeBuilder<CustomerChange> builder)
    {
        builder.ToTable("customer_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CustomerId).HasMaxLength(32);
        builder.HasIndex(c => new { c.CustomerId, c.ChangedAt });
        builder.Property(c => c.ChangedBy).HasMaxLength(100);
        builder.Property(c => c.Kind).HasMaxLength(20);
    }
}
