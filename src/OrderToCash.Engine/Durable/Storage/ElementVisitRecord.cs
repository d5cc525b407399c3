using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Engine.Durable.Storage;

/// <summary>
/// One passage of a token through an element: when it entered, when it left (or was cancelled). The path of an
/// instance, and per element what the control tower needs: who waits there now (not left yet), since when, and how long
/// passages took.
/// </summary>
public sealed class ElementVisitRecord
{
    public long Id { get; set; }

    public required string InstanceId { get; init; }

    public required string ProcessId { get; init; }

    public int Version { get; set; }

    public required string ElementId { get; set; }

    public required string TokenId { get; init; }

    public DateTimeOffset EnteredAt { get; init; }

    public DateTimeOffset? LeftAt { get; set; }

    /// <summary>
    /// How long the passage took (<see cref="LeftAt"/> − <see cref="EnteredAt"/>, in ticks of 100 ns), set when it left:
    /// a plain number every database sorts and averages the same way, so the per-element mean and p90 are computed in
    /// SQL on an index (ADR 0137). Null while the token is in the element.
    /// </summary>
    public long? DurationTicks { get; set; }

    /// <summary>Null while the token is in the element; then "Completed" or "Cancelled" (interrupted).</summary>
    public string? Outcome { get; set; }

    /// <summary>The variables the element wrote when it completed (JSON object), if any.</summary>
    public string? VariablesWritten { get; set; }
}

internal sealed class ElementVisitRecordConfiguration : IEntityTypeConfiguration<ElementVisitRecord>
{
    public void Configure(EntityTypeBuilder<ElementVisitRecord> builder)
    {
        builder.ToTable("wf_visits");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.InstanceId).HasMaxLength(40);
        builder.Property(v => v.ProcessId).HasMaxLength(200);
        builder.Property(v => v.ElementId).HasMaxLength(200);
        builder.Property(v => v.TokenId).HasMaxLength(40);
        builder.Property(v => v.Outcome).HasMaxLength(20);
        builder.HasIndex(v => new { v.InstanceId, v.LeftAt });
        // Per element: the waiting tokens (no duration yet) by entry time, then the passages by duration, each with its
        // exit time: the control tower's counts, oldest wait, mean and p90 are read from this index alone (ADR 0137).
        builder.HasIndex(v => new { v.ProcessId, v.ElementId, v.DurationTicks, v.LeftAt, v.EnteredAt });
    }
}
