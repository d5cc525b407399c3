using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Kpis;

/// <summary>
/// Covering indexes for the KPI queries (the invoice's own configuration stays in Invoicing; EF applies both). On a year
/// of a million invoices they turn the open items at a date and the daily sales into index-only reads: measured with
/// <c>o2c bench --workload root-cause-year</c>, see docs/root-cause.md.
/// </summary>
internal sealed class InvoiceKpiIndexes : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        // Issued ≤ D (a seek), still open at D (SettledOn), its bucket (DueDate), its amount, whether any allocation or
        // credit note can exist (PaidAmount, CreditedAmount: no probe for the others) and the Id to join them; the same
        // index serves the daily credit sales of a period (IssueDate, GrossAmount) in day order.
        builder.HasIndex(i => new { i.IssueDate, i.SettledOn, i.DueDate, i.GrossAmount, i.PaidAmount, i.CreditedAmount, i.Id }).HasDatabaseName("IX_invoices_open_items");
    }
}
