using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Engine.Durable.Storage;

/// <summary>
/// Every message received, once: the unique message id makes a redelivered message a no-op; a message nobody waits
/// for yet stays <see cref="MessageStatus.Buffered"/> until its expiry and is delivered when a bookmark appears.
/// </summary>
public sealed class MessageRecord
{
    public long Id { get; set; }

    public required string MessageId { get; init; }

    public required string Name { get; init; }

    public string? CorrelationKey { get; init; }

    /// <summary>The payload as JSON (an object whose properties become variables).</summary>
    public string? Payload { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public MessageStatus Status { get; set; }

    public string? DeliveredTo { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
}

public enum MessageStatus
{
    Buffered,
    Delivered,

    /// <summary>Started a new instance at a message start event.</summary>
    Started,
    Expired,
}

internal sealed class MessageRecordConfiguration : IEntityTypeConfiguration<MessageRecord>
{
    public void Configure(EntityTypeBuilder<MessageRecord> builder)
    {
        builder.ToTable("wf_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.CorrelationKey).HasMaxLength(200);
        // Two steps delivering the same buffered message: the second one conflicts and replays instead of delivering it again.
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(m => m.DeliveredTo).HasMaxLength(40);
        builder.HasIndex(m => new { m.Status, m.Name, m.CorrelationKey });
    }
}
