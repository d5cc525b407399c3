using Microsoft.EntityFrameworkCore;
using OrderToCash.Core;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Kpis;
using OrderToCash.Core.Orders;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.RootCauses;

/// <summary>
/// Every KPI formula on a small ledger computed by hand (the arithmetic is in the comments), for March 2026
/// (from 2026-03-01 to 2026-03-31: 31 days), on a real SQLite file so the SQL grouping is what is tested.
/// </summary>
public sealed class KpiWorkedExampleTests : IAsyncLifetime, IDisposable
{
    private static readonly DateOnly From = new(2026, 3, 1);
    private static readonly DateOnly To = new(2026, 3, 31);
    private readonly TempDirectory directory = new();

    private OrderToCashDbContext Context() => DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, directory.SqliteConnectionString());

    public async Task InitializeAsync()
    {
        await using var db = Context();
        await db.Database.MigrateAsync();
        var rows = new LedgerRows(db);
        // A: Key, sam, limit 20,000 + 5,000 cover; B: Standard, sue, limit 50,000.
        var a = rows.Customer("A", "Key", "sam", 20_000m, 5_000m);
        var b = rows.Customer("B", "Standard", "sue", 50_000m);
        static DateOnly D(int y, int m, int d) => new(y, m, d);

        var i1 = rows.Invoice(a, "I1", D(2026, 1, 10), D(2026, 2, 9), 1_200m);
        rows.Pay(i1, 1_200m, D(2026, 2, 20));
        var i2 = rows.Invoice(a, "I2", D(2026, 2, 5), D(2026, 3, 7), 3_000m);
        rows.Pay(i2, 1_000m, D(2026, 2, 25));
        rows.Pay(i2, 2_000m, D(2026, 3, 10));
        var i3 = rows.Invoice(b, "I3", D(2026, 2, 15), D(2026, 3, 17), 2_400m);
        rows.Credit(i3, 400m, D(2026, 3, 5));
        var i4 = rows.Invoice(b, "I4", D(2026, 3, 2), D(2026, 4, 1), 6_000m);
        var i5 = rows.Invoice(a, "I5", D(2026, 3, 20), D(2026, 4, 19), 4_000m);
        rows.Pay(i5, 1_500m, D(2026, 3, 28));
        rows.Invoice(b, "I6", D(2025, 11, 15), D(2025, 12, 15), 1_000m);
        var i7 = rows.Invoice(a, "I7", D(2026, 1, 5), D(2026, 1, 20), 500m);
        i7.WriteOff("Customer closed", D(2026, 3, 15));
        rows.Invoice(b, "I8", D(2025, 12, 20), D(2026, 1, 19), 800m);
        rows.Invoice(a, "I9", D(2026, 2, 1), D(2026, 2, 28), 700m);

        // Disputes: on I4 (issued in March) raised 10 Mar 00:00, resolved 14 Mar 12:00 by ADV = 4.5 days;
        // on I3 (issued in February) raised 1 Mar 08:00, resolved 3 Mar 08:00 by Logistics = 2 days.
        rows.Dispute(i4, "PRICE_ERROR", "ADV", LedgerRows.At(D(2026, 3, 10), 0), 600m, LedgerRows.At(D(2026, 3, 14), 12));
        rows.Dispute(i3, "QUANTITY_SHORT", "Logistics", LedgerRows.At(D(2026, 3, 1), 8), 400m, LedgerRows.At(D(2026, 3, 3), 8));

        // Promises judged in March: I2 (2,000 promised after 1,000 paid; 3,000 paid in all: 2,000 toward it) kept on 10 Mar;
        // I3 (2,000 promised after the 400 credit note; nothing since) broken on 22 Mar. One judged in April does not count.
        rows.Promise(i2, 2_000m, D(2026, 3, 8), 1_000m, D(2026, 3, 10));
        rows.Promise(i3, 2_000m, D(2026, 3, 20), 400m, D(2026, 3, 22));
        rows.Promise(i5, 2_500m, D(2026, 3, 31), 1_500m, D(2026, 4, 2));

        // Exposure now: A 30,000 against 25,000 (over), B 10,000 against 50,000.
        rows.Exposure(a, 30_000m);
        rows.Exposure(b, 10_000m);

        // Orders entered in March: 4, of which 2 blocked: one released 6 hours after entry, one rejected. One in February.
        var scratch = new CreditExposure { CustomerId = "A", Currency = "EUR" };
        Order Enter(string number, string customer, DateTimeOffset at, bool blocked)
        {
            var order = Order.Create(number, customer, "EUR", [new OrderLine { LineNumber = 1, Description = "Flour", Quantity = 1m, UnitPrice = 100m, VatRate = 20m }], "sam", at);
            order.ApplyCreditCheck(blocked, blocked ? [new CreditBlockReason("WithinCreditLimit", "over")] : [], false, scratch);
            db.Add(order);
            return order;
        }

        Enter("SO-1", "A", LedgerRows.At(D(2026, 3, 3), 9), blocked: false);
        Enter("SO-2", "A", LedgerRows.At(D(2026, 3, 4), 9), blocked: true).Release("claire", "ok", scratch, LedgerRows.At(D(2026, 3, 4), 15));
        Enter("SO-3", "A", LedgerRows.At(D(2026, 3, 5), 9), blocked: true).Reject("claire", "no", scratch, LedgerRows.At(D(2026, 3, 6), 9));
        Enter("SO-4", "A", LedgerRows.At(D(2026, 3, 31), 23), blocked: false);
        Enter("SO-0", "A", LedgerRows.At(D(2026, 2, 27), 9), blocked: true);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Company_KPIs_for_March_match_the_hand_computed_figures()
    {
        var report = await new KpiCalculator(Context).CalculateAsync(From, To, KpiScope.Company, CancellationToken.None);

        report.Days.Should().Be(31);
        // Closing AR at 31 Mar: I3 2,400 − 400 = 2,000 (due 17 Mar: 14 days overdue, 1-30); I4 6,000 and I5 4,000 − 1,500 = 2,500
        // (not due); I6 1,000 (due 15 Dec: 106 days, 90+); I8 800 (due 19 Jan: 71 days, 61-90); I9 700 (due 28 Feb: 31 days, 31-60);
        // I1, I2 paid, I7 written off on 15 Mar.
        report.AgedBalance.Should().Be(new AgedBalance(NotDue: 8_500m, D1To30: 2_000m, D31To60: 700m, D61To90: 800m, Over90: 1_000m));
        report.ClosingReceivables.Should().Be(13_000m);
        // Opening AR at 28 Feb: I2 3,000 − 1,000 = 2,000; I3 2,400; I6 1,000; I7 500; I8 800; I9 700; I1 paid = 7,400.
        report.OpeningReceivables.Should().Be(7_400m);
        // Credit sales of March: I4 6,000 + I5 4,000.
        report.CreditSales.Should().Be(10_000m);
        // DSO = 13,000 ÷ 10,000 × 31 = 40.30.
        report.Dso.Should().Be(40.30m);
        // Best possible DSO = 8,500 ÷ 10,000 × 31 = 26.35; ADD = 40.30 − 26.35 = 13.95.
        report.BestPossibleDso.Should().Be(26.35m);
        report.AverageDaysDelinquent.Should().Be(13.95m);
        // Count-back: 13,000 ≥ March sales 10,000 → 31 days, 3,000 left; February sales 6,100 (I2 3,000 + I3 2,400 + I9 700) > 3,000
        // → 3,000 ÷ 6,100 × 28 = 13.7705; 31 + 13.7705 = 44.77.
        report.CountBackDso.Should().Be(44.77m);
        // CEI = (7,400 + 10,000 − 13,000) ÷ (7,400 + 10,000 − 8,500) × 100 = 4,400 ÷ 8,900 × 100 = 49.4382 → 49.44.
        report.Cei.Should().Be(49.44m);
        // Disputed invoices: of I4 and I5 (issued in March), I4 has a dispute: 1 ÷ 2 = 50 %.
        (report.InvoicesIssued, report.DisputedInvoices, report.DisputedInvoicesPercent).Should().Be((2, 1, 50.00m));
        report.DisputeResolutionByDepartment.Should().Equal(new DepartmentResolution("ADV", 1, 4.50m), new DepartmentResolution("Logistics", 1, 2.00m));
        // Promises judged in March: I2 kept, I3 broken → 1 ÷ 2 = 50 %.
        (report.PromisesChecked, report.PromisesKept, report.PromiseToPayKeptRate).Should().Be((2, 1, 50.00m));
        // Orders entered in March: SO-1..SO-4; blocked SO-2, SO-3 → 2 ÷ 4 = 50 %; released SO-2 after 15:00 − 09:00 = 6 h.
        (report.OrdersChecked, report.OrdersBlocked, report.CreditBlockRate, report.MeanReleaseHours).Should().Be((4, 2, 50.00m, 6.00m));
        // Exposure 30,000 + 10,000 = 40,000 against limits 25,000 + 50,000 = 75,000 → 53.33 %; A is over its limit.
        report.Exposure.Should().Be(new ExposureVsLimit(40_000m, 75_000m, 53.33m, 1));
    }

    [Fact]
    public async Task A_segment_sees_only_the_invoices_printed_with_it()
    {
        var report = await new KpiCalculator(Context).CalculateAsync(From, To, new KpiScope(Segment: "Key"), CancellationToken.None);

        // Key = customer A: closing AR I5 2,500 (not due) + I9 700 (31-60) = 3,200 (I1, I2 paid, I7 written off); March sales I5 4,000.
        report.ClosingReceivables.Should().Be(3_200m);
        report.CreditSales.Should().Be(4_000m);
        // DSO = 3,200 ÷ 4,000 × 31 = 24.80; best possible = 2,500 ÷ 4,000 × 31 = 19.375 → 19.38; ADD = 24.80 − 19.375 = 5.425 → 5.43.
        report.Dso.Should().Be(24.80m);
        report.BestPossibleDso.Should().Be(19.38m);
        report.AverageDaysDelinquent.Should().Be(5.43m);
        // Opening AR of A at 28 Feb: I2 2,000 + I7 500 + I9 700 = 3,200; CEI = (3,200 + 4,000 − 3,200) ÷ (3,200 + 4,000 − 2,500) × 100
        // = 4,000 ÷ 4,700 × 100 = 85.106 → 85.11.
        report.OpeningReceivables.Should().Be(3_200m);
        report.Cei.Should().Be(85.11m);
        report.Exposure.Should().Be(new ExposureVsLimit(30_000m, 25_000m, 120.00m, 1));
    }

    [Fact]
    public void Count_back_walks_whole_months_then_a_fraction_of_the_last_one()
    {
        // AR 25,000 at 15 Jun: June (15 days) sales 5,000 → 20,000 left, 15 days; May (31) 12,000 → 8,000 left, 46 days;
        // April (30) 16,000 > 8,000 → 8,000 ÷ 16,000 × 30 = 15 → 61 days.
        var sales = new Dictionary<(int, int), decimal> { [(2026, 6)] = 5_000m, [(2026, 5)] = 12_000m, [(2026, 4)] = 16_000m };

        KpiCalculator.CountBack(25_000m, sales, new DateOnly(2026, 6, 15)).Should().Be(61m);
        KpiCalculator.CountBack(0m, sales, new DateOnly(2026, 6, 15)).Should().Be(0m);
        // AR equal to June and May together: exactly 15 + 31 = 46 days.
        KpiCalculator.CountBack(17_000m, sales, new DateOnly(2026, 6, 15)).Should().Be(46m);
    }

    [Fact]
    public async Task The_aged_balance_CSV_has_one_row_per_scope_with_the_five_buckets()
    {
        var report = await new KpiCalculator(Context).CalculateAsync(To, To, KpiScope.Company, CancellationToken.None);
        await using var text = new StringWriter();

        await CsvExport.WriteAgedBalanceAsync(text, To, [("company", report.AgedBalance)]);

        text.ToString().ReplaceLineEndings("\n").Should().Be("at,scope,notDue,d1to30,d31to60,d61to90,over90,total\n2026-03-31,company,8500.00,2000.00,700.00,800.00,1000.00,13000.00\n");
    }
}
