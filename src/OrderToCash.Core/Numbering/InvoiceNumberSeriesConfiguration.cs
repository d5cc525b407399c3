using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.Numbering;

internal sealed class InvoiceNumberSeriesConfiguration : IEntityTypeConfiguration<InvoiceNumberSeries>
{
    public void Configure(EntityTypeBuilder<InvoiceNumberSeries> builder)
    {
        builder.ToTable("invoice_number_series");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(32);
        builder.Property(s => s.Prefix).HasMaxLength(32);
        builder.Property(s => s.LastNumber).IsConcurrencyToken();
    }
}
