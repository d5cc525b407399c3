using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.Reasons;

internal sealed class ReasonCodeConfiguration : IEntityTypeConfiguration<ReasonCode>
{
    public void Configure(EntityTypeBuilder<ReasonCode> builder)
    {
        builder.ToTable("reason_codes");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(50);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Label).HasMaxLength(200);
        builder.Property(r => r.Department).HasMaxLength(50);
        builder.Property(r => r.EInvoicingCodes).HasMaxLength(200);
        builder.Ignore(r => r.EInvoicingCodeList);
    }
}
