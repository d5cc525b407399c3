using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Engine.Rules.Decisions;

internal sealed class DecisionRecordConfiguration : IEntityTypeConfiguration<DecisionRecord>
{
    public void Configure(EntityTypeBuilder<DecisionRecord> builder)
    {
        builder.ToTable("rule_decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.SubjectType).HasMaxLength(100);
        builder.Property(d => d.SubjectId).HasMaxLength(200);
        builder.Property(d => d.RuleSetName).HasMaxLength(200);
        builder.Property(d => d.ContentHash).HasMaxLength(64).IsFixedLength().IsUnicode(false);
        builder.Property(d => d.Succeeded).HasMaxLength(4000);
        builder.HasIndex(d => new { d.SubjectType, d.SubjectId, d.EvaluatedAt });
        builder.HasIndex(d => new { d.RuleSetName, d.RuleSetVersion });
    }
}
