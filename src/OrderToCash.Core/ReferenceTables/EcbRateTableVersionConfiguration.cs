using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.ReferenceTables;

internal sealed class EcbRateTableVersionConfiguration : IEntityTypeConfiguration<EcbRateTableVersion>
{
    public void Configure(EntityTypeBuilder<EcbRateTableVersion> builder)
    {
        builder.ToTable("ecb_rate_table_versions");
        // The version is the key: two entries racing for the same next version cannot both commit.
        builder.HasKey(v => v.Version);
        builder.Property(v => v.Version).ValueGeneratedNever();
        builder.Property(v => v.Rates).HasMaxLength(16_000);
        builder.Property(v => v.Author).HasMaxLength(200);
        builder.Property(v => v.Comment).HasMaxLength(1_000);
        // Version 1: the rates the escalation rules carried until ADR 0101 (their PenaltyRateYYYYHn rules), and no other.
        builder.HasData(new EcbRateTableVersion
        {
            Version = 1,
            Rates = EcbRateTable.Seed.ToJson(),
            Author = "rules/escalation.json",
            PublishedAt = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero),
            Comment = "The rates of the escalation rules' penalty table (2023-H1 to 2026-H1), moved to the reference table.",
        });
    }
}
