using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Disputes;

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> builder)
    {
        builder.ToTable("disputes");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => d.Number).IsUnique();
        builder.HasIndex(d => d.InvoiceId);
        builder.HasIndex(d => new { d.Status, d.Department });
        builder.HasIndex(d => new { d.RaisedAt, d.ReasonCode });
        builder.HasOne<Invoice>().WithMany().HasForeignKey(d => d.InvoiceId);
        builder.Property(d => d.Number).HasMaxLength(32);
        builder.Property(d => d.InvoiceNumber).HasMaxLength(32);
        builder.Property(d => d.CustomerId).HasMaxLength(32);
        builder.Property(d => d.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(d => d.Amount).HasPrecision(18, 2);
        builder.Property(d => d.ReasonCode).HasMaxLength(50);
        builder.Property(d => d.EInvoicingCode).HasMaxLength(30);
        builder.Property(d => d.Comment).HasMaxLength(2000);
        builder.Property(d => d.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.RaisedBy).HasMaxLength(100);
        builder.Property(d => d.Department).HasMaxLength(50);
        builder.Property(d => d.Route).HasMaxLength(100);
        builder.Property(d => d.InstanceId).HasMaxLength(40);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.ResolvedBy).HasMaxLength(100);
        builder.Property(d => d.ResolutionComment).HasMaxLength(2000);
        builder.Ignore(d => d.Disputed);
    }
}
