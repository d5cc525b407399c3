namespace OrderToCash.Core.Invoicing;

/// <summary>
/// A customer invoice (a receivable). Its amounts are fixed at issue; what happens afterwards is tracked by the
/// amounts paid, credited and written off, so that <see cref="OpenAmount"/> is always
/// gross − paid − credited − written off, and the sums of the whole ledger balance to the cent.
/// The French mandatory mentions are copied at issue (a later change to the customer does not rewrite an invoice).
/// </summary>
public sealed class Invoice
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>FA-2026-000001: taken from the year's gapless series in the issuing transaction.</summary>
    public required string Number { get; init; }

    public required string CustomerId { get; init; }

    /// <summary>The delivered order it bills; null for an invoice entered by hand.</summary>
    public Guid? OrderId { get; init; }

    public string? OrderNumber { get; init; }

    /// <summary>For a corrected invoice (facture rectificative): the invoice it replaces, cancelled by <see cref="CorrectionCreditNoteNumber"/>.</summary>
    public string? CorrectsInvoiceNumber { get; init; }

    /// <summary>For a corrected invoice: the credit note that cancelled what the corrected invoice replaces.</summary>
    public string? CorrectionCreditNoteNumber { get; init; }

    public required string Currency { get; init; }

    public DateOnly IssueDate { get; init; }

    public DateOnly DeliveryDate { get; init; }

    public DateOnly DueDate { get; init; }

    /// <summary>The terms printed on the invoice, e.g. "45 days end of month".</summary>
    public required string PaymentTermsText { get; init; }

    public decimal NetAmount { get; init; }

    public decimal VatAmount { get; init; }

    public decimal GrossAmount { get; init; }

    /// <summary>Customer segment at issue ("Key", "Standard", "Small"): the KPIs and the root-cause groups break down by it.</summary>
    public required string Segment { get; init; }

    /// <summary>The salesperson of the customer at issue.</summary>
    public required string Salesperson { get; init; }

    /// <summary>The product family of the invoice's largest line (root-cause groups break down by it).</summary>
    public required string ProductFamily { get; init; }

    // French mandatory mentions (Code de commerce L441-9; CGI art. 242 nonies A), as printed.
    public required string SellerSiren { get; init; }

    public required string SellerVatNumber { get; init; }

    public required string CustomerSiren { get; init; }

    public required string CustomerVatNumber { get; init; }

    /// <summary>The late-payment penalty clause printed on the invoice (rate in force, from the escalation rules).</summary>
    public required string PenaltyClause { get; init; }

    /// <summary>The fixed recovery indemnity printed on the invoice (40 EUR for a professional customer).</summary>
    public decimal RecoveryIndemnity { get; init; }

    public decimal PaidAmount { get; private set; }

    public decimal CreditedAmount { get; private set; }

    public decimal WrittenOffAmount { get; private set; }

    /// <summary>The total of the open disputes on this invoice: only this part stops the reminders.</summary>
    public decimal DisputedAmount { get; private set; }

    /// <summary>The day the open amount reached zero (by payment, credit note or write-off).</summary>
    public DateOnly? SettledOn { get; private set; }

    public string? WriteOffReason { get; private set; }

    public DateOnly? WrittenOffOn { get; private set; }

    /// <summary>Late-payment interest charged when the invoice was paid late (L441-10 II), rounded to the cent.</summary>
    public decimal LateInterest { get; private set; }

    /// <summary>The €40 indemnity charged for this late invoice (0 when paid on time).</summary>
    public decimal IndemnityCharged { get; private set; }

    /// <summary>Why the customer paid late, when no dispute explains it (a late-payment reason code of the taxonomy).</summary>
    public string? LatePaymentReason { get; set; }

    /// <summary>The latest e-invoicing lifecycle status received or sent (history in <see cref="InvoiceLifecycleEvent"/>).</summary>
    public EInvoicingStatus LifecycleStatus { get; set; } = EInvoicingStatus.Deposee;

    /// <summary>The highest step of the reminder ladder reached (0 = none).</summary>
    public int ReminderLevel { get; set; }

    /// <summary>The dunning workflow instance that drives the reminders of this invoice.</summary>
    public string? DunningInstanceId { get; set; }

    /// <summary>Optimistic-concurrency token: a payment and a credit note on one invoice conflict instead of losing one.</summary>
    public long Version { get; private set; }

    public decimal OpenAmount => GrossAmount - PaidAmount - CreditedAmount - WrittenOffAmount;

    /// <summary>What the reminders may ask for: the open amount less the part under dispute.</summary>
    public decimal DunnableAmount => Math.Max(0m, OpenAmount - DisputedAmount);

    public bool IsSettled => OpenAmount == 0m;

    public Money Gross => new(GrossAmount, Currency);

    public Money Open => new(OpenAmount, Currency);

    public void ApplyPayment(Money amount, DateOnly on) => Reduce(amount, on, "payment", a => PaidAmount += a);

    public void ApplyCreditNote(Money amount, DateOnly on) => Reduce(amount, on, "credit note", a => CreditedAmount += a);

    public void WriteOff(string reason, DateOnly on)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new LedgerException($"A write-off of {Number} needs a reason.");
        }

        var amount = Open;
        Reduce(amount, on, "write-off", a => WrittenOffAmount += a);
        (WriteOffReason, WrittenOffOn) = (reason, on);
    }

    /// <summary>A dispute was opened on part of the invoice: that part stops being reminded.</summary>
    public void DisputeOpened(Money amount)
    {
        EnsurePositive(amount, "dispute");
        if (DisputedAmount + amount.Amount > OpenAmount)
        {
            throw new LedgerException($"A dispute of {amount} on {Number} exceeds what is open and not yet disputed ({new Money(OpenAmount - DisputedAmount, Currency)}).");
        }

        DisputedAmount += amount.Amount;
        Version++;
    }

    /// <summary>A dispute was resolved (whatever the outcome): its amount is no longer held back from the reminders.</summary>
    public void DisputeClosed(Money amount)
    {
        EnsurePositive(amount, "dispute");
        DisputedAmount = Math.Max(0m, DisputedAmount - amount.Amount);
        Version++;
    }

    /// <summary>Charges the late-payment interest and indemnity computed when the invoice was settled late.</summary>
    public void ChargeLatePayment(Money interest, Money indemnity)
    {
        SameCurrencyAs(interest, "late interest");
        (LateInterest, IndemnityCharged) = (interest.Amount, indemnity.Amount);
        Version++;
    }

    /// <summary>Adds interest computed after settlement (a pending interest whose ECB rate was entered since, ADR 0101).</summary>
    public void AddLateInterest(Money interest)
    {
        SameCurrencyAs(interest, "late interest");
        if (interest.IsNegative)
        {
            throw new LedgerException($"Late interest on {Number} cannot be negative ({interest}).");
        }

        LateInterest += interest.Amount;
        Version++;
    }

    private void Reduce(Money amount, DateOnly on, string what, Action<decimal> apply)
    {
        EnsurePositive(amount, what);
        if (amount.Amount > OpenAmount)
        {
            throw new LedgerException($"A {what} of {amount} on {Number} exceeds its open amount ({Open}).");
        }

        apply(amount.Amount);
        // A credit note or payment may eat into a disputed part; never hold back more than is open.
        DisputedAmount = Math.Min(DisputedAmount, OpenAmount);
        if (OpenAmount == 0m)
        {
            SettledOn = on;
        }

        Version++;
    }

    private void EnsurePositive(Money amount, string what)
    {
        SameCurrencyAs(amount, what);
        if (amount.Amount <= 0m)
        {
            throw new LedgerException($"A {what} on {Number} must be a positive amount, not {amount}.");
        }
    }

    private void SameCurrencyAs(Money amount, string what)
    {
        if (amount.Currency != Currency)
        {
            throw new LedgerException($"A {what} in {amount.Currency} cannot apply to {Number}, which is in {Currency}.");
        }
    }
}
