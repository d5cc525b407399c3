using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.Infrastructure.Housekeeping;

internal sealed class HousekeepingRunConfiguration : IEntityTypeConfiguration<HousekeepingRun>
{
    public void Configure(EntityTypeBuilder<HousekeepingRun> builder)
    {
        builder.ToTable("housekeeping_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.InstanceId).HasMaxLength(200);
        builder.HasIndex(r => r.StartedAt);
    }
}
