using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.Invoicing;

internal sealed class CreditNoteConfiguration : IEntityTypeConfiguration<CreditNote>
{
    public void Configure(EntityTypeBuilder<CreditNote> builder)
    {
        builder.ToTable("credit_notes");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.InvoiceId);
        builder.HasIndex(c => c.DisputeId);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(c => c.InvoiceId);
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.Property(c => c.CustomerId).HasMaxLength(32);
        builder.Property(c => c.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.Amount).HasPrecision(18, 2);
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.Property(c => c.IssuedBy).HasMaxLength(100);
    }
}
