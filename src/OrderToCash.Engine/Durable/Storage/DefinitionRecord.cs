using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Engine.Durable.Storage;

/// <summary>One published, immutable version of a process: the BPMN it was compiled from, who published it and when.</summary>
public sealed class DefinitionRecord
{
    public long Id { get; set; }

    public required string ProcessId { get; init; }

    public int Version { get; init; }

    public string? Name { get; init; }

    /// <summary>The file the process came from; several processes of one file share its XML.</summary>
    public required string SourceName { get; init; }

    public required string Xml { get; init; }

    /// <summary>SHA-256 of the XML: publishing the same content again creates no new version.</summary>
    public required string ContentHash { get; init; }

    public required string PublishedBy { get; init; }

    /// <summary>The processes published together share it: a call activity bound to "deployment" calls its sibling.</summary>
    public Guid DeploymentId { get; init; }

    public DateTimeOffset PublishedAt { get; init; }
}

internal sealed class DefinitionRecordConfiguration : IEntityTypeConfiguration<DefinitionRecord>
{
    public void Configure(EntityTypeBuilder<DefinitionRecord> builder)
    {
        builder.ToTable("wf_definitions");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => new { d.ProcessId, d.Version }).IsUnique();
        builder.Property(d => d.ProcessId).HasMaxLength(200);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.SourceName).HasMaxLength(260);
        builder.Property(d => d.ContentHash).HasMaxLength(64);
        builder.Property(d => d.PublishedBy).HasMaxLength(100);
    }
}
