using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Analytics;

/// <summary>
/// Covering indexes for the KPI queries (the invoice's own configuration stays in Invoicing; EF applies both). On a year
/// of a million invoices they turn the open items at a date and the daily sales into index-only reads: measured with
/// <c>o2c bench --workload root-cause-year</c>, see docs/root-cause.md.
/// </summary>
internal sealed class InvoiceKpiIndexes : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        // Open at D: SettledOn IS NULL OR SettledOn > D (two range seeks), then the bucket from DueDate and the amount.
        builder.HasIndex(i => new { i.SettledOn, i.IssueDate, i.DueDate, i.GrossAmount, i.Id }).HasDatabaseName("IX_invoices_open_items");
        // Credit sales per day of a period, and the invoices issued in it.
        builder.HasIndex(i => new { i.IssueDate, i.GrossAmount }).HasDatabaseName("IX_invoices_issue_amount");
    }
}
