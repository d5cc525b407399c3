using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.Dunning;

internal sealed class ReminderStatementConfiguration : IEntityTypeConfiguration<ReminderStatement>
{
    public void Configure(EntityTypeBuilder<ReminderStatement> builder)
    {
        builder.ToTable("reminder_statements");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.Status, s.NextAttemptAt });
        builder.HasIndex(s => s.CustomerId);
        builder.Property(s => s.CustomerId).HasMaxLength(32);
        builder.Property(s => s.Step).HasMaxLength(50);
        builder.Property(s => s.Recipients).HasMaxLength(2000);
        builder.Property(s => s.Subject).HasMaxLength(300);
        builder.Property(s => s.Body).HasMaxLength(100_000);
        builder.Property(s => s.InvoiceNumbers).HasMaxLength(4000);
        builder.Property(s => s.AmountAsked).HasPrecision(18, 2);
        builder.Property(s => s.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(s => s.MessageId).HasMaxLength(200);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.LastError).HasMaxLength(2000);
        builder.Ignore(s => s.RecipientList);
        builder.Ignore(s => s.InvoiceList);
    }
}
