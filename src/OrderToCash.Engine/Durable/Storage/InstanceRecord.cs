using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Engine.Durable.Storage;

/// <summary>
/// A process instance as stored: its state snapshot (tokens, scopes, variables, bookmarks) plus the columns queries
/// need. <see cref="Revision"/> is the optimistic-concurrency token: two hosts advancing the same instance conflict,
/// and the loser's step (with its handlers' writes) rolls back.
/// </summary>
public sealed class InstanceRecord
{
    public required string Id { get; init; }

    public required string ProcessId { get; init; }

    public int Version { get; set; }

    public required string Status { get; set; }

    /// <summary>The business key the instance was started for (an order, an invoice), for lookups.</summary>
    public string? BusinessKey { get; init; }

    public required string State { get; set; }

    public long Revision { get; set; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? IncidentElementId { get; set; }

    public string? IncidentMessage { get; set; }

    /// <summary>Automatic retries done for the current incident.</summary>
    public int IncidentAttempts { get; set; }

    /// <summary>When the next automatic retry is due; null when retries are exhausted (a person must act).</summary>
    public DateTimeOffset? NextRetryAt { get; set; }
}

internal sealed class InstanceRecordConfiguration : IEntityTypeConfiguration<InstanceRecord>
{
    public void Configure(EntityTypeBuilder<InstanceRecord> builder)
    {
        builder.ToTable("wf_instances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(40);
        builder.Property(i => i.ProcessId).HasMaxLength(200);
        builder.Property(i => i.Status).HasMaxLength(20);
        builder.Property(i => i.BusinessKey).HasMaxLength(200);
        builder.Property(i => i.IncidentElementId).HasMaxLength(200);
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.HasIndex(i => new { i.ProcessId, i.Version, i.Status });
        builder.HasIndex(i => i.BusinessKey);
        builder.HasIndex(i => new { i.Status, i.NextRetryAt });
    }
}
