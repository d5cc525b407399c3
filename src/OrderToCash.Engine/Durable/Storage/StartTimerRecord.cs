using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Engine.Durable.Storage;

/// <summary>
/// A timer start event of the latest version of a process, as a row: when it next starts an instance. Publishing a
/// version replaces its process's rows. Firing is a conditional update of <see cref="DueAt"/> in the transaction that
/// starts the instance, so two hosts never start the same firing twice and a restart loses none (ADR 0067).
/// </summary>
public sealed class StartTimerRecord
{
    public required string ProcessId { get; init; }

    public required string StartEventId { get; init; }

    /// <summary>The version whose start event this is (the latest when it was published).</summary>
    public int Version { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>A cycle's firings left after the next one; null when unbounded (or not a cycle).</summary>
    public int? Remaining { get; set; }

    /// <summary>How many instances it started.</summary>
    public int Fired { get; set; }
}

internal sealed class StartTimerRecordConfiguration : IEntityTypeConfiguration<StartTimerRecord>
{
    public void Configure(EntityTypeBuilder<StartTimerRecord> builder)
    {
        builder.ToTable("wf_start_timers");
        builder.HasKey(t => new { t.ProcessId, t.StartEventId });
        builder.Property(t => t.ProcessId).HasMaxLength(200);
        builder.Property(t => t.StartEventId).HasMaxLength(200);
        builder.HasIndex(t => t.DueAt);
    }
}
