using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.Reasons;

internal sealed class DepartmentRoleConfiguration : IEntityTypeConfiguration<DepartmentRole>
{
    public void Configure(EntityTypeBuilder<DepartmentRole> builder)
    {
        builder.ToTable("department_roles");
        builder.HasKey(d => new { d.Department, d.Role });
        builder.Property(d => d.Department).HasMaxLength(50);
        builder.Property(d => d.Role).HasMaxLength(50);
        builder.HasIndex(d => d.Role);
    }
}
