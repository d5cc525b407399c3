using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Engine.Rules.Store;

internal sealed class RuleSetVersionConfiguration : IEntityTypeConfiguration<RuleSetVersion>
{
    public void Configure(EntityTypeBuilder<RuleSetVersion> builder)
    {
        builder.ToTable("rule_set_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.ContentHash).HasMaxLength(64).IsFixedLength().IsUnicode(false);
        builder.Property(v => v.Author).HasMaxLength(200);
        builder.Property(v => v.Comment).HasMaxLength(2000);
        builder.Property(v => v.Source).HasMaxLength(1000);
        // Two publishers racing for the same version number: one insert fails, nothing half-written.
        builder.HasIndex(v => new { v.Name, v.Version }).IsUnique();
        builder.HasIndex(v => v.ContentHash);
    }
}
