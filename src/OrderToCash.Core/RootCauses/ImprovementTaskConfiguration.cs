using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.RootCauses;

internal sealed class ImprovementTaskConfiguration : IEntityTypeConfiguration<ImprovementTask>
{
    public void Configure(EntityTypeBuilder<ImprovementTask> builder)
    {
        builder.ToTable("improvement_tasks");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => t.Number).IsUnique();
        builder.HasIndex(t => t.OpenCauseKey).IsUnique();
        builder.HasIndex(t => new { t.Department, t.Status });
        builder.Property(t => t.Number).HasMaxLength(32);
        builder.Property(t => t.ReasonCode).HasMaxLength(50);
        builder.Property(t => t.Department).HasMaxLength(50);
        builder.Property(t => t.OpenCauseKey).HasMaxLength(101);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.TriggeredBy).HasMaxLength(200);
        builder.Property(t => t.AmountBefore).HasPrecision(18, 2);
        builder.Property(t => t.RatePer1000Before).HasPrecision(18, 4);
        builder.Property(t => t.RatePer1000After).HasPrecision(18, 4);
        builder.Property(t => t.FixDescription).HasMaxLength(2000);
        builder.Property(t => t.VerificationNote).HasMaxLength(1000);
        builder.Property(t => t.UpdatedBy).HasMaxLength(100);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}

internal sealed class ImprovementTaskEvidenceConfiguration : IEntityTypeConfiguration<ImprovementTaskEvidence>
{
    public void Configure(EntityTypeBuilder<ImprovementTaskEvidence> builder)
    {
        builder.ToTable("improvement_task_evidence");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.TaskId);
        builder.HasOne<ImprovementTask>().WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.InvoiceNumber).HasMaxLength(32);
        builder.Property(e => e.DisputeNumber).HasMaxLength(32);
        builder.Property(e => e.Amount).HasPrecision(18, 2);
    }
}
