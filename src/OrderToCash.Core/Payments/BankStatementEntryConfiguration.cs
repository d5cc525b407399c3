using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.Payments;

internal sealed class BankStatementEntryConfiguration : IEntityTypeConfiguration<BankStatementEntry>
{
    public void Configure(EntityTypeBuilder<BankStatementEntry> builder)
    {
        builder.ToTable("bank_statement_entries");
        builder.HasKey(e => e.Id);
        // The idempotence of the import: a second import of the same entry breaks this index and is answered as known.
        builder.HasIndex(e => new { e.Account, e.Reference }).IsUnique();
        builder.HasIndex(e => new { e.Outcome, e.BookedOn });
        builder.Property(e => e.Account).HasMaxLength(34);
        builder.Property(e => e.Reference).HasMaxLength(64);
        builder.Property(e => e.StatementId).HasMaxLength(35);
        builder.Property(e => e.MessageId).HasMaxLength(35);
        builder.Property(e => e.Amount).HasPrecision(18, 2);
        builder.Property(e => e.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(e => e.DebtorName).HasMaxLength(140);
        builder.Property(e => e.DebtorIban).HasMaxLength(34);
        builder.Property(e => e.RemittanceInfo).HasMaxLength(1000);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.MatchedBy).HasMaxLength(10);
        builder.Property(e => e.CustomerId).HasMaxLength(32);
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.ImportedBy).HasMaxLength(100);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.Key);
        builder.Ignore(e => e.Money);
    }
}
