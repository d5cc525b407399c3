using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Engine.Durable.Storage;

/// <summary>
/// A timer bookmark as a row: the database, not a scheduler's memory, knows what is due. A dispatcher claims a due
/// row by taking its lease (an atomic conditional update), so two hosts never fire the same timer; a lease that
/// expires (host crashed mid-step) lets another host fire it, and the instance's revision check keeps it once.
/// </summary>
public sealed class TimerRecord : IWaitRow
{
    public required string InstanceId { get; init; }

    public required string BookmarkId { get; init; }

    public required string ElementId { get; init; }

    public DateTimeOffset DueAt { get; init; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}

internal sealed class TimerRecordConfiguration : IEntityTypeConfiguration<TimerRecord>
{
    public void Configure(EntityTypeBuilder<TimerRecord> builder)
    {
        builder.ToTable("wf_timers");
        builder.HasKey(t => new { t.InstanceId, t.BookmarkId });
        builder.Property(t => t.InstanceId).HasMaxLength(40);
        builder.Property(t => t.BookmarkId).HasMaxLength(40);
        builder.Property(t => t.ElementId).HasMaxLength(200);
        builder.Property(t => t.LeaseOwner).HasMaxLength(100);
        builder.HasIndex(t => t.DueAt);
        builder.HasOne<InstanceRecord>().WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
