using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.Demo;

internal sealed class DemoSeedingConfiguration : IEntityTypeConfiguration<DemoSeeding>
{
    public void Configure(EntityTypeBuilder<DemoSeeding> builder)
    {
        builder.ToTable("demo_seeding");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
