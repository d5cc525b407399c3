using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderToCash.Core.Customers;

namespace OrderToCash.Core.Credit;

internal sealed class CreditLimitChangeRequestConfiguration : IEntityTypeConfiguration<CreditLimitChangeRequest>
{
    public void Configure(EntityTypeBuilder<CreditLimitChangeRequest> builder)
    {
        builder.ToTable("credit_limit_requests");
        builder.HasKey(r => r.Id);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId);
        builder.HasIndex(r => new { r.CustomerId, r.Status });
        // At most one pending request per customer, even when two arrive at once (the service checks first; this is the proof).
        builder.HasIndex(r => r.CustomerId).IsUnique().HasFilter("\"Status\" = 'Pending'").HasDatabaseName("IX_credit_limit_requests_one_pending");
        builder.Property(r => r.CustomerId).HasMaxLength(32);
        builder.Property(r => r.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(r => r.CurrentLimit).HasPrecision(18, 2);
        builder.Property(r => r.RequestedLimit).HasPrecision(18, 2);
        builder.Property(r => r.GrantedLimit).HasPrecision(18, 2);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.Property(r => r.RequestedBy).HasMaxLength(100);
        builder.Property(r => r.DecidedBy).HasMaxLength(100);
        builder.Property(r => r.DecisionComment).HasMaxLength(1000);
        // Two credit managers deciding the same request at once: the second one conflicts instead of overwriting.
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
    }
}
