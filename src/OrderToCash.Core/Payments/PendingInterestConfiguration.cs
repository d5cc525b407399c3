using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Payments;

internal sealed class PendingInterestConfiguration : IEntityTypeConfiguration<PendingInterest>
{
    public void Configure(EntityTypeBuilder<PendingInterest> builder)
    {
        builder.ToTable("pending_interests");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.Status, p.Semester });
        builder.HasIndex(p => p.InvoiceId);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(p => p.InvoiceId);
        builder.Property(p => p.InvoiceNumber).HasMaxLength(32);
        builder.Property(p => p.CustomerId).HasMaxLength(32);
        builder.Property(p => p.Semester).HasMaxLength(7);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.BasisAmount).HasPrecision(18, 2);
        builder.Property(p => p.PointsAboveEcb).HasPrecision(9, 4);
        builder.Property(p => p.EcbRatePercent).HasPrecision(9, 4);
        builder.Property(p => p.Interest).HasPrecision(18, 2);
        // Two hosts charging the same pending interest: the second one's update finds the status changed and replays.
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
    }
}
