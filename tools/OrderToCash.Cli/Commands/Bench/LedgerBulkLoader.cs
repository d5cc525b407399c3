using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace OrderToCash.Cli.Commands.Bench;

/// <summary>
/// Fills a migrated SQLite database with one year (2026) of ledger rows for the root-cause and KPI benchmark: raw
/// multi-row INSERTs (500 rows a statement) in one transaction, values written in EF Core's SQLite formats (Guid as
/// upper-case text, decimal and DateOnly as text, DateTimeOffset as UTC ticks). Deterministic: seed 2026.
/// <list type="bullet">
/// <item>200 customers in three segments and ten salespeople; 14 reason codes (10 dispute, 4 late-payment).</item>
/// <item>N invoices spread evenly over the year, 100.00 to 10,000.00 EUR, due in 30, 45 or 60 days, five product families.</item>
/// <item>85 % paid by one payment (due date − 20 to + 40 days; unpaid when that falls after 31 Dec); a third of the late
/// ones carry a late-payment reason.</item>
/// <item>N ÷ 10 disputes (every tenth invoice; 40 % price errors), raised 5 to 20 days after issue, 80 % resolved 1 to 30 days later.</item>
/// </list>
/// </summary>
internal static class LedgerBulkLoader
{
    private const int RowsPerStatement = 500;
    private static readonly DateOnly YearStart = new(2026, 1, 1);
    private static readonly DateOnly YearEnd = new(2026, 12, 31);
    private static readonly string[] Segments = ["Key", "Standard", "Small"];
    private static readonly string[] Families = ["Flour", "Ovens", "Packaging", "Services", "Spare parts"];
    private static readonly (string Code, string Department)[] DisputeReasons =
    [
        ("PRICE_ERROR", "ADV"), ("QUANTITY_SHORT", "Logistics"), ("WRONG_ITEM", "Logistics"), ("DAMAGED_OR_QUALITY", "Quality"),
        ("MISSING_PO_OR_REFERENCE", "ADV"), ("WRONG_BILLING_ENTITY_OR_ADDRESS", "MasterData"), ("INVOICE_NOT_RECEIVED", "Billing"),
        ("DUPLICATE_INVOICE", "Billing"), ("VAT_OR_CALCULATION_ERROR", "Accounting"), ("TERMS_NOT_AS_AGREED", "Sales"),
    ];

    private static readonly (string Code, string Department)[] LateReasons =
    [
        ("CUSTOMER_CASH_DIFFICULTY", "CreditManagement"), ("APPROVAL_DELAY_AT_CUSTOMER", "Collections"),
        ("PAID_NOT_APPLIED", "CashApplication"), ("AWAITING_CREDIT_NOTE", "ADV"),
    ];

    public sealed record Loaded(int Invoices, int Payments, int Disputes);

    public static async Task<Loaded> LoadAsync(string connectionString, int invoices, CancellationToken cancellationToken)
    {
        var random = new Random(2026);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF;", cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var customers = Enumerable.Range(1, 200).Select(i => (Id: $"B-{i:0000}", Segment: Segments[i % 3], Salesperson: $"seller{i % 10}")).ToArray();
        await InsertAsync(connection, transaction, "customers (Id, LegalName, Siren, VatNumber, Segment, Salesperson, Currency, InternalCreditLimit, InsurerCover, RiskClass, AccountOpenedOn, billing_city, billing_country, billing_line1, billing_postal_code, payment_term_basis, payment_term_days)",
            customers.Select((c, i) => $"('{c.Id}','Bench customer {i}','{100000000 + i}','FR00{100000000 + i}','{c.Segment}','{c.Salesperson}','EUR','500000.00','0.00','B','2020-01-01','Lyon','FR','1 rue du Bench','69001','InvoiceDate',30)"), cancellationToken).ConfigureAwait(false);
        await InsertAsync(connection, transaction, "credit_exposures (CustomerId, Currency, OpenOrders, DeliveredNotInvoiced, OpenReceivables, Version)",
            customers.Select(c => $"('{c.Id}','EUR','0.00','0.00','{random.Next(0, 600_000)}.00',1)"), cancellationToken).ConfigureAwait(false);
        await InsertAsync(connection, transaction, "reason_codes (Code, Kind, Label, Department, EInvoicingCodes)",
            DisputeReasons.Select(r => $"('{r.Code}','Dispute','{r.Code}','{r.Department}','')").Concat(LateReasons.Select(r => $"('{r.Code}','LatePayment','{r.Code}','{r.Department}','')")), cancellationToken).ConfigureAwait(false);

        var invoiceRows = new List<string>(RowsPerStatement);
        var paymentRows = new List<string>(RowsPerStatement);
        var allocationRows = new List<string>(RowsPerStatement);
        var disputeRows = new List<string>(RowsPerStatement);
        var (payments, disputes) = (0, 0);
        for (var i = 0; i < invoices; i++)
        {
            var id = Guid.NewGuid().ToString().ToUpperInvariant();
            var customer = customers[random.Next(customers.Length)];
            var issued = YearStart.AddDays((int)((long)i * 365 / invoices));
            var due = issued.AddDays(random.Next(3) switch { 0 => 30, 1 => 45, _ => 60 });
            var cents = random.Next(10_000, 1_000_001);
            var gross = Money(cents);
            var paidOn = due.AddDays(random.Next(-20, 41));
            var paid = random.Next(100) < 85 && paidOn <= YearEnd;
            if (paidOn < issued)
            {
                paidOn = issued;
            }

            var lateReason = paid && paidOn > due && random.Next(3) == 0 ? $"'{LateReasons[random.Next(LateReasons.Length)].Code}'" : "NULL";
            invoiceRows.Add(string.Create(CultureInfo.InvariantCulture,
                $"('{id}','FA-2026-{i:0000000}','{customer.Id}','EUR','{Day(issued)}','{Day(issued)}','{Day(due)}','30 days','{gross}','0.00','{gross}','{customer.Segment}','{customer.Salesperson}','{Families[random.Next(Families.Length)]}','552100554','FR00552100554','100000000','FR00100000000','ECB + 10','40.00','{(paid ? gross : "0.00")}','0.00','0.00','0.00',{(paid ? $"'{Day(paidOn)}'" : "NULL")},'0.00','0.00',{lateReason},'Deposee',0,1)"));
            if (paid)
            {
                var payment = Guid.NewGuid().ToString().ToUpperInvariant();
                paymentRows.Add(string.Create(CultureInfo.InvariantCulture, $"('{payment}','BANK-{i}','{customer.Id}','EUR','{gross}','{Day(paidOn)}','0.00','bench',{Ticks(paidOn, 10)},1)"));
                allocationRows.Add(string.Create(CultureInfo.InvariantCulture, $"('{payment}','{id}','{gross}','{Day(paidOn)}')"));
                payments++;
            }

            if (i % 10 == 0)
            {
                // Skewed like real life: price errors are four in ten disputes, the other reasons share the rest.
                var reason = DisputeReasons[random.Next(100) < 40 ? 0 : random.Next(DisputeReasons.Length)];
                var raised = issued.AddDays(random.Next(5, 21));
                var resolved = random.Next(100) < 80 ? Ticks(raised.AddDays(random.Next(1, 31)), 16).ToString(CultureInfo.InvariantCulture) : "NULL";
                disputeRows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"('{Guid.NewGuid().ToString().ToUpperInvariant()}','LI-2026-{disputes:0000000}','{id}','FA-2026-{i:0000000}','{customer.Id}','EUR','{Money(cents / 5)}','{reason.Code}','Internal','bench',{Ticks(raised, 9)},{(random.Next(4) == 0 ? "NULL" : $"'{reason.Department}'")},0,'{(resolved == "NULL" ? "Open" : "Resolved")}',{(resolved == "NULL" ? "NULL" : "'Rejected'")},{resolved})"));
                disputes++;
            }

            await FlushAsync(invoiceRows, "invoices (Id, Number, CustomerId, Currency, IssueDate, DeliveryDate, DueDate, PaymentTermsText, NetAmount, VatAmount, GrossAmount, Segment, Salesperson, ProductFamily, SellerSiren, SellerVatNumber, CustomerSiren, CustomerVatNumber, PenaltyClause, RecoveryIndemnity, PaidAmount, CreditedAmount, WrittenOffAmount, DisputedAmount, SettledOn, LateInterest, IndemnityCharged, LatePaymentReason, LifecycleStatus, ReminderLevel, Version)").ConfigureAwait(false);
            await FlushAsync(paymentRows, "payments (Id, Reference, CustomerId, Currency, Amount, ReceivedOn, UnappliedAmount, RecordedBy, RecordedAt, Version)").ConfigureAwait(false);
            await FlushAsync(allocationRows, "payment_allocations (PaymentId, InvoiceId, Amount, AppliedOn)").ConfigureAwait(false);
            await FlushAsync(disputeRows, "disputes (Id, Number, InvoiceId, InvoiceNumber, CustomerId, Currency, Amount, ReasonCode, Source, RaisedBy, RaisedAt, Department, CreditManagerAttention, Status, Outcome, ResolvedAt)").ConfigureAwait(false);
        }

        foreach (var (rows, table) in new[]
                 {
                     (invoiceRows, "invoices (Id, Number, CustomerId, Currency, IssueDate, DeliveryDate, DueDate, PaymentTermsText, NetAmount, VatAmount, GrossAmount, Segment, Salesperson, ProductFamily, SellerSiren, SellerVatNumber, CustomerSiren, CustomerVatNumber, PenaltyClause, RecoveryIndemnity, PaidAmount, CreditedAmount, WrittenOffAmount, DisputedAmount, SettledOn, LateInterest, IndemnityCharged, LatePaymentReason, LifecycleStatus, ReminderLevel, Version)"),
                     (paymentRows, "payments (Id, Reference, CustomerId, Currency, Amount, ReceivedOn, UnappliedAmount, RecordedBy, RecordedAt, Version)"),
                     (allocationRows, "payment_allocations (PaymentId, InvoiceId, Amount, AppliedOn)"),
                     (disputeRows, "disputes (Id, Number, InvoiceId, InvoiceNumber, CustomerId, Currency, Amount, ReasonCode, Source, RaisedBy, RaisedAt, Department, CreditManagerAttention, Status, Outcome, ResolvedAt)"),
                 })
        {
            await InsertAsync(connection, transaction, table, rows, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "ANALYZE;", cancellationToken).ConfigureAwait(false);
        return new Loaded(invoices, payments, disputes);

        async Task FlushAsync(List<string> rows, string table)
        {
            if (rows.Count >= RowsPerStatement)
            {
                await InsertAsync(connection, transaction, table, rows, cancellationToken).ConfigureAwait(false);
                rows.Clear();
            }
        }
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string table, IEnumerable<string> rows, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(table).Append(" VALUES ");
        var any = false;
        foreach (var row in rows)
        {
            sql.Append(any ? "," : string.Empty).Append(row);
            any = true;
        }

        if (any)
        {
            await ExecuteAsync(connection, transaction, sql.ToString(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Generated benchmark rows: numbers, dates, generated ids and fixed names only; nothing comes from a user.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Money(int cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long Ticks(DateOnly day, int hour) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero).UtcTicks;
}
