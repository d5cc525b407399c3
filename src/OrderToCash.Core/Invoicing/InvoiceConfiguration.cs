using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderToCash.Core.Customers;

namespace OrderToCash.Core.Invoicing;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("invoices");
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => i.Number).IsUnique();
        builder.HasIndex(i => new { i.CustomerId, i.DueDate });
        builder.HasIndex(i => i.IssueDate);
        builder.HasIndex(i => i.SettledOn);
        builder.HasIndex(i => i.OrderId).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId);
        builder.Property(i => i.Number).HasMaxLength(32);
        builder.Property(i => i.CustomerId).HasMaxLength(32);
        builder.Property(i => i.OrderNumber).HasMaxLength(32);
        builder.Property(i => i.CorrectsInvoiceNumber).HasMaxLength(32);
        builder.Property(i => i.CorrectionCreditNoteNumber).HasMaxLength(32);
        builder.HasIndex(i => i.CorrectsInvoiceNumber);
        builder.Property(i => i.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(i => i.PaymentTermsText).HasMaxLength(100);
        builder.Property(i => i.Segment).HasMaxLength(20);
        builder.Property(i => i.Salesperson).HasMaxLength(100);
        builder.Property(i => i.ProductFamily).HasMaxLength(50);
        builder.Property(i => i.SellerSiren).HasMaxLength(9);
        builder.Property(i => i.SellerVatNumber).HasMaxLength(20);
        builder.Property(i => i.CustomerSiren).HasMaxLength(9);
        builder.Property(i => i.CustomerVatNumber).HasMaxLength(20);
        builder.Property(i => i.PenaltyClause).HasMaxLength(500);
        builder.Property(i => i.WriteOffReason).HasMaxLength(500);
        builder.Property(i => i.LatePaymentReason).HasMaxLength(50);
        builder.Property(i => i.LifecycleStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.DunningInstanceId).HasMaxLength(40);
        foreach (var amount in new[]
                 {
                     nameof(Invoice.NetAmount), nameof(Invoice.VatAmount), nameof(Invoice.GrossAmount), nameof(Invoice.PaidAmount),
                     nameof(Invoice.CreditedAmount), nameof(Invoice.WrittenOffAmount), nameof(Invoice.DisputedAmount),
                     nameof(Invoice.LateInterest), nameof(Invoice.IndemnityCharged), nameof(Invoice.RecoveryIndemnity),
                 })
        {
            builder.Property(amount).HasPrecision(18, 2);
        }

        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.OpenAmount);
        builder.Ignore(i => i.DunnableAmount);
        builder.Ignore(i => i.IsSettled);
        builder.Ignore(i => i.Gross);
        builder.Ignore(i => i.Open);
    }
}
