using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Engine.Durable.Storage;

/// <summary>A user task in the inbox: open for a role, claimed by a person, then completed (or cancelled by the process).</summary>
public sealed class UserTaskRecord
{
    public required string Id { get; init; }

    public required string InstanceId { get; init; }

    public required string BookmarkId { get; init; }

    /// <summary>The process the task's element belongs to: a called process's own id for its tasks, not its caller's.</summary>
    public required string ProcessId { get; init; }

    /// <summary>The version of <see cref="ProcessId"/> the task's element belongs to.</summary>
    public int Version { get; set; }

    public required string ElementId { get; set; }

    public string? Name { get; set; }

    public string? CandidateRole { get; init; }

    public string? BusinessKey { get; init; }

    public UserTaskStatus Status { get; set; }

    public string? Assignee { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? CompletedBy { get; set; }

    /// <summary>The outputs given at completion, as JSON.</summary>
    public string? Outputs { get; set; }
}

internal sealed class UserTaskRecordConfiguration : IEntityTypeConfiguration<UserTaskRecord>
{
    public void Configure(EntityTypeBuilder<UserTaskRecord> builder)
    {
        builder.ToTable("wf_user_tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(82);
        builder.Property(t => t.InstanceId).HasMaxLength(40);
        builder.Property(t => t.BookmarkId).HasMaxLength(40);
        builder.Property(t => t.ProcessId).HasMaxLength(200);
        builder.Property(t => t.ElementId).HasMaxLength(200);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.CandidateRole).HasMaxLength(100);
        builder.Property(t => t.BusinessKey).HasMaxLength(200);
        builder.Property(t => t.Assignee).HasMaxLength(100);
        builder.Property(t => t.CompletedBy).HasMaxLength(100);
        // Claiming is a conditional change of status: two people claiming at once conflict.
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.HasIndex(t => new { t.Status, t.CandidateRole });
        builder.HasIndex(t => new { t.Status, t.Assignee });
        builder.HasIndex(t => t.InstanceId);
    }
}
