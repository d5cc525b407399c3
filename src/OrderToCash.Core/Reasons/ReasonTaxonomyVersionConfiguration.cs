using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.Reasons;

internal sealed class ReasonTaxonomyVersionConfiguration : IEntityTypeConfiguration<ReasonTaxonomyVersion>
{
    public void Configure(EntityTypeBuilder<ReasonTaxonomyVersion> builder)
    {
        builder.ToTable("reason_taxonomy_versions");
        builder.HasKey(v => v.Version);
        builder.Property(v => v.Version).ValueGeneratedNever();
        builder.Property(v => v.Content).HasMaxLength(1_000_000);
        builder.Property(v => v.Author).HasMaxLength(200);
        builder.Property(v => v.Comment).HasMaxLength(1_000);
    }
}
