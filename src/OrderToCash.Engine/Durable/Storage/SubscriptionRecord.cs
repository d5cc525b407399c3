using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Engine.Durable.Storage;

/// <summary>A message bookmark as a row: which instance waits for which message name and correlation key.</summary>
public sealed class SubscriptionRecord : IWaitRow
{
    public required string InstanceId { get; init; }

    public required string BookmarkId { get; init; }

    public required string ElementId { get; init; }

    public required string MessageName { get; init; }

    /// <summary>Null matches any key.</summary>
    public string? CorrelationKey { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class SubscriptionRecordConfiguration : IEntityTypeConfiguration<SubscriptionRecord>
{
    public void Configure(EntityTypeBuilder<SubscriptionRecord> builder)
    {
        builder.ToTable("wf_subscriptions");
        builder.HasKey(s => new { s.InstanceId, s.BookmarkId });
        builder.Property(s => s.InstanceId).HasMaxLength(40);
        builder.Property(s => s.BookmarkId).HasMaxLength(40);
        builder.Property(s => s.ElementId).HasMaxLength(200);
        builder.Property(s => s.MessageName).HasMaxLength(200);
        builder.Property(s => s.CorrelationKey).HasMaxLength(200);
        builder.HasIndex(s => new { s.MessageName, s.CorrelationKey });
        builder.HasOne<InstanceRecord>().WithMany().HasForeignKey(s => s.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
