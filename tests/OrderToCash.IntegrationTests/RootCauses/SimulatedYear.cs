using OrderToCash.Core.Disputes;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Reasons;

namespace OrderToCash.IntegrationTests.RootCauses;

/// <summary>
/// A year of 2026: 10 invoices a day (invoice k is issued on 1 Jan + k ÷ 10 days, k = 0 … 3,649) at five customers
/// (the customer turns every 50 invoices), so any 90 days hold 900 invoices.
/// PRICE_ERROR (ADV): a dispute on every 50th invoice (k mod 50 = 0, rate 20 per 1,000) until the fix on 1 Jul, then on
/// every 250th (rate 4 per 1,000 or less). QUANTITY_SHORT (Logistics): every 50th (k mod 50 = 25) all year; its "fix" does
/// nothing. WRONG_ITEM: one dispute (noise). APPROVAL_DELAY_AT_CUSTOMER (late payment, Collections): every 100th invoice
/// (k mod 100 = 7) paid 10 days after its due date (issue + 30).
/// </summary>
internal static class SimulatedYear
{
    public static readonly DateOnly Start = new(2026, 1, 1);
    public static readonly DateOnly FixDay = new(2026, 7, 1);

    public static async Task WriteAsync(OrderToCashDbContext db, DateOnly? onlyUntil = null)
    {
        var rows = new LedgerRows(db);
        rows.Reason("PRICE_ERROR", ReasonKind.Dispute, "ADV");
        rows.Reason("QUANTITY_SHORT", ReasonKind.Dispute, "Logistics");
        rows.Reason("WRONG_ITEM", ReasonKind.Dispute, "Logistics");
        rows.Reason("APPROVAL_DELAY_AT_CUSTOMER", ReasonKind.LatePayment, "Collections");
        var customers = Enumerable.Range(1, 5).Select(i => rows.Customer($"C-{i:00}", i <= 2 ? "Key" : "Standard", $"sales{i % 2}")).ToArray();
        for (var k = 0; k < 3_650; k++)
        {
            var issued = Start.AddDays(k / 10);
            if (onlyUntil is { } last && issued >= last)
            {
                break;
            }

            var invoice = rows.Invoice(customers[(k / 50) % 5], $"FA-2026-{k:000000}", issued, issued.AddDays(30), 1_000m, k % 3 == 0 ? "Flour" : "Ovens");
            var raised = LedgerRows.At(issued, 10);
            if (issued < FixDay ? k % 50 == 0 : k % 250 == 0)
            {
                rows.Dispute(invoice, "PRICE_ERROR", "ADV", raised, 120m);
            }

            if (k % 50 == 25)
            {
                rows.Dispute(invoice, "QUANTITY_SHORT", null, raised, 300m);
            }

            if (k == 1_234)
            {
                rows.Dispute(invoice, "WRONG_ITEM", null, raised, 50m);
            }

            if (k % 100 == 7)
            {
                invoice.LatePaymentReason = "APPROVAL_DELAY_AT_CUSTOMER";
                rows.Pay(invoice, 1_000m, invoice.DueDate.AddDays(10));
            }
        }

        await db.SaveChangesAsync();
    }
}
