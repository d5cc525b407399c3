using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.Infrastructure.Persistence;

/// <summary>
/// One row that <c>/health/ready</c> updates: a database that answers reads but refuses writes (read-only file,
/// full disk, a replica) is not ready.
/// </summary>
public sealed class ReadinessProbe
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public DateTimeOffset CheckedAt { get; set; }

    /// <summary>The host that wrote last.</summary>
    public string? CheckedBy { get; set; }
}

internal sealed class ReadinessProbeConfiguration : IEntityTypeConfiguration<ReadinessProbe>
{
    public void Configure(EntityTypeBuilder<ReadinessProbe> builder)
    {
        builder.ToTable("readiness_probe");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.CheckedBy).HasMaxLength(200);
        builder.HasData(new ReadinessProbe { Id = ReadinessProbe.SingletonId, CheckedAt = DateTimeOffset.UnixEpoch });
    }
}
