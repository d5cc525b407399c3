using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderToCash.Core.Customers;

namespace OrderToCash.Core.Collections;

internal sealed class ContactLogEntryConfiguration : IEntityTypeConfiguration<ContactLogEntry>
{
    public void Configure(EntityTypeBuilder<ContactLogEntry> builder)
    {
        builder.ToTable("contact_log_entries");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.CustomerId, e.RecordedAt });
        builder.HasIndex(e => e.NextActionOn);
        builder.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId);
        builder.Property(e => e.CustomerId).HasMaxLength(32);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ContactName).HasMaxLength(ContactLog.MaxNameLength);
        builder.Property(e => e.Note).HasMaxLength(ContactLog.MaxNoteLength);
        builder.Property(e => e.InvoiceNumber).HasMaxLength(32);
        builder.Property(e => e.NextAction).HasMaxLength(ContactLog.MaxNextActionLength);
        builder.Property(e => e.RecordedBy).HasMaxLength(100);
    }
}
