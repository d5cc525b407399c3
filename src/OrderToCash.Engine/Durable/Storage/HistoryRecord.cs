using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Engine.Durable.Storage;

/// <summary>One element entered, left or cancelled by an instance; the control tower aggregates these per element.</summary>
public sealed class HistoryRecord
{
    public long Id { get; set; }

    public required string InstanceId { get; init; }

    public required string ProcessId { get; init; }

    public int Version { get; init; }

    public required string ElementId { get; init; }

    public required string Kind { get; init; }

    public required string TokenId { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>The position of the entry in the instance's path (stable ordering within one timestamp).</summary>
    public int Sequence { get; init; }
}

internal sealed class HistoryRecordConfiguration : IEntityTypeConfiguration<HistoryRecord>
{
    public void Configure(EntityTypeBuilder<HistoryRecord> builder)
    {
        builder.ToTable("wf_history");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.InstanceId).HasMaxLength(40);
        builder.Property(h => h.ProcessId).HasMaxLength(200);
        builder.Property(h => h.ElementId).HasMaxLength(200);
        builder.Property(h => h.Kind).HasMaxLength(20);
        builder.Property(h => h.TokenId).HasMaxLength(40);
        builder.HasIndex(h => new { h.InstanceId, h.Sequence }).IsUnique();
        builder.HasIndex(h => new { h.ProcessId, h.ElementId, h.At });
    }
}
