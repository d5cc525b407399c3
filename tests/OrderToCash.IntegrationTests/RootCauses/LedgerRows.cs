using OrderToCash.Core;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Payments;
using OrderToCash.Core.Reasons;

namespace OrderToCash.IntegrationTests.RootCauses;

/// <summary>
/// Writes ledger rows directly (customers, invoices, payments, credit notes, write-offs, disputes, promises), as the
/// cycle services would leave them: the KPIs and the root-cause loop are tested on the ledger, not through the cycle.
/// </summary>
internal sealed class LedgerRows(OrderToCashDbContext db)
{
    private int _customers;
    private int _payments;
    private int _credits;
    private int _disputes;

    public Customer Customer(string id, string segment, string salesperson, decimal internalLimit = 50_000m, decimal insurerCover = 0m)
    {
        var siren = Siren(++_customers);
        var customer = new Customer
        {
            Id = id,
            LegalName = $"Customer {id}",
            Siren = siren,
            VatNumber = VatNumber.ForSiren(siren),
            BillingAddress = new Address("1 rue de la Paix", null, "75002", "Paris", "FR"),
            Segment = segment,
            Salesperson = salesperson,
            PaymentTerms = new PaymentTerms(30, PaymentTermBasis.InvoiceDate),
            InternalCreditLimit = internalLimit,
            InsurerCover = insurerCover,
            RiskClass = "B",
            AccountOpenedOn = new DateOnly(2020, 1, 1),
        };
        db.Add(customer);
        return customer;
    }

    public Invoice Invoice(Customer customer, string number, DateOnly issued, DateOnly due, decimal gross, string productFamily = "General")
    {
        var invoice = new Invoice
        {
            Number = number,
            CustomerId = customer.Id,
            Currency = "EUR",
            IssueDate = issued,
            DeliveryDate = issued,
            DueDate = due,
            PaymentTermsText = "30 days",
            NetAmount = gross,
            VatAmount = 0m,
            GrossAmount = gross,
            Segment = customer.Segment,
            Salesperson = customer.Salesperson,
            ProductFamily = productFamily,
            SellerSiren = "552100554",
            SellerVatNumber = "FR00552100554",
            CustomerSiren = customer.Siren,
            CustomerVatNumber = customer.VatNumber,
            PenaltyClause = "ECB + 10 points",
            RecoveryIndemnity = 40m,
        };
        db.Add(invoice);
        return invoice;
    }

    public void Pay(Invoice invoice, decimal amount, DateOnly on)
    {
        var payment = Payment.Receive($"BANK-{++_payments}", invoice.CustomerId, Money.Euros(amount), on, invoice.Number, "test", Midnight(on));
        db.Add(payment);
        db.Add(payment.ApplyTo(invoice)!);
    }

    public void Credit(Invoice invoice, decimal amount, DateOnly on)
    {
        invoice.ApplyCreditNote(Money.Euros(amount), on);
        db.Add(new CreditNote
        {
            Number = $"AV-TEST-{++_credits}", InvoiceId = invoice.Id, CustomerId = invoice.CustomerId, Currency = "EUR", Amount = amount,
            IssueDate = on, Reason = "test", IssuedBy = "test",
        });
    }

    public Dispute Dispute(Invoice invoice, string reason, string? department, DateTimeOffset raisedAt, decimal amount, DateTimeOffset? resolvedAt = null)
    {
        var dispute = new Dispute
        {
            Number = $"LI-TEST-{++_disputes:000000}", InvoiceId = invoice.Id, InvoiceNumber = invoice.Number, CustomerId = invoice.CustomerId,
            Currency = "EUR", Amount = amount, ReasonCode = reason, RaisedBy = "test", RaisedAt = raisedAt, Department = department,
        };
        if (resolvedAt is { } at)
        {
            dispute.Resolve(DisputeOutcome.Rejected, "test", null, at);
        }

        db.Add(dispute);
        return dispute;
    }

    public PromiseToPay Promise(Invoice invoice, decimal amount, DateOnly promisedFor, decimal paidBefore, DateOnly checkedOn)
    {
        var promise = new PromiseToPay
        {
            InvoiceId = invoice.Id, InvoiceNumber = invoice.Number, CustomerId = invoice.CustomerId, Currency = "EUR", Amount = amount,
            PromisedFor = promisedFor, ToleranceDays = 2, PaidBefore = paidBefore, RecordedBy = "test", RecordedAt = Midnight(promisedFor.AddDays(-10)),
        };
        promise.Check(invoice, checkedOn);
        db.Add(promise);
        return promise;
    }

    /// <summary>A reason as the test needs it; the host may already have loaded it from the shipped taxonomy file.</summary>
    public void Reason(string code, ReasonKind kind, string department)
    {
        if (db.Set<ReasonCode>().Find(code) is { } loaded)
        {
            (loaded.Kind, loaded.Department) = (kind, department);
            return;
        }

        db.Add(new ReasonCode { Code = code, Kind = kind, Label = code, Department = department });
    }

    public CreditExposure Exposure(Customer customer, decimal openOrders)
    {
        var exposure = new CreditExposure { CustomerId = customer.Id, Currency = "EUR" };
        exposure.OrderAccepted(Money.Euros(openOrders));
        db.Add(exposure);
        return exposure;
    }

    /// <summary>A SIREN with a valid Luhn key: 8 digits from the index, then the check digit.</summary>
    public static string Siren(int index)
    {
        var body = (10_000_000 + index).ToString("00000000", System.Globalization.CultureInfo.InvariantCulture);
        for (var check = 0; check < 10; check++)
        {
            var candidate = body + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var sum = candidate.Select((c, i) => (c - '0') * (i % 2 == 1 ? 2 : 1)).Sum(v => v > 9 ? v - 9 : v);
            if (sum % 10 == 0)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Unreachable: one of ten check digits satisfies Luhn.");
    }

    public static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static DateTimeOffset At(DateOnly day, int hour) => Midnight(day).AddHours(hour);
}
