using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.Infrastructure.Security;

internal sealed class BusinessRoleConfiguration : IEntityTypeConfiguration<BusinessRole>
{
    public void Configure(EntityTypeBuilder<BusinessRole> builder)
    {
        builder.ToTable("business_roles");
        builder.HasKey(r => r.Name);
        builder.Property(r => r.Name).HasMaxLength(RoleName.MaxLength);
        builder.Property(r => r.NormalizedName).HasMaxLength(RoleName.MaxLength);
        builder.HasIndex(r => r.NormalizedName).IsUnique();
        builder.Property(r => r.Label).HasMaxLength(RoleName.MaxLabelLength);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
    }
}

internal sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> builder)
    {
        builder.ToTable("role_grants");
        builder.HasKey(g => new { g.UserName, g.Role });
        builder.Property(g => g.UserName).HasMaxLength(200);
        builder.Property(g => g.Role).HasMaxLength(RoleName.MaxLength);
        builder.HasIndex(g => g.Role);
        builder.Property(g => g.GrantedBy).HasMaxLength(200);
        builder.HasOne<BusinessRole>().WithMany().HasForeignKey(g => g.Role).OnDelete(DeleteBehavior.Restrict);
    }
}
