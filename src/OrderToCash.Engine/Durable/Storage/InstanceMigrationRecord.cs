using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Engine.Durable.Storage;

/// <summary>One move of an instance from a version of its process to another: who moved it, when, and the elements it was waiting in.</summary>
public sealed class InstanceMigrationRecord
{
    public long Id { get; set; }

    public required string InstanceId { get; init; }

    public required string ProcessId { get; init; }

    public int FromVersion { get; init; }

    public int ToVersion { get; init; }

    /// <summary>The waiting elements and where they went, as JSON: <c>{"review":"review","wait":"waitForPayment"}</c>.</summary>
    public required string Elements { get; init; }

    public required string MigratedBy { get; init; }

    public DateTimeOffset MigratedAt { get; init; }
}

internal sealed class InstanceMigrationRecordConfiguration : IEntityTypeConfiguration<InstanceMigrationRecord>
{
    public void Configure(EntityTypeBuilder<InstanceMigrationRecord> builder)
    {
        builder.ToTable("wf_instance_migrations");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.InstanceId).HasMaxLength(40);
        builder.Property(m => m.ProcessId).HasMaxLength(200);
        builder.Property(m => m.MigratedBy).HasMaxLength(100);
        builder.HasIndex(m => m.InstanceId);
        builder.HasOne<InstanceRecord>().WithMany().HasForeignKey(m => m.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
