namespace OrderToCash.Core.Dunning;

/// <summary>
/// One e-mail to a customer for one ladder step: its pending reminders of that step grouped into a statement (relevé)
/// listing each invoice and the amount asked (open − disputed), rendered from the step's template version, sent to the
/// customer's contacts with each invoice's Factur-X PDF attached. Delivered at least once and retried with back-off;
/// its Message-ID is fixed, so a resend after a crash is recognisably the same message. A dispute's Resend outcome is a
/// statement too (<see cref="InvoiceResendStep"/>): the invoice's document alone, sent the same way.
/// </summary>
public sealed class ReminderStatement
{
    /// <summary>The <see cref="Step"/> of an invoice sent again after a dispute resolved with the Resend outcome.</summary>
    public const string InvoiceResendStep = "invoiceResend";

    /// <summary>The <see cref="Step"/> of a dispute's CorrectedInvoice outcome: the credit note and the corrected invoice sent together.</summary>
    public const string InvoiceCorrectionStep = "invoiceCorrection";

    /// <summary>The <see cref="Step"/> of an e-mail sent by a workflow's e-mail step (<c>email.send</c>), about a customer or none.</summary>
    public const string WorkflowEmailStep = "workflowEmail";

    public Guid Id { get; init; } = Guid.NewGuid();

    public required string CustomerId { get; init; }

    public required string Step { get; init; }

    public int Level { get; init; }

    /// <summary>The template version used (0 = the built-in default).</summary>
    public int TemplateVersion { get; init; }

    /// <summary>The addresses written to, comma-separated (the customer's contacts); empty when it has none.</summary>
    public required string Recipients { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    /// <summary>The invoices listed (and attached), comma-separated.</summary>
    public required string InvoiceNumbers { get; init; }

    public decimal AmountAsked { get; init; }

    public required string Currency { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The Message-ID header (the same for every attempt).</summary>
    public required string MessageId { get; init; }

    public StatementStatus Status { get; private set; } = StatementStatus.Pending;

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    public IReadOnlyList<string> RecipientList => Recipients.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> InvoiceList => InvoiceNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Sent(DateTimeOffset at) => (Status, SentAt, Attempts, LastError) = (StatementStatus.Sent, at, Attempts + 1, null);

    /// <summary>A temporary failure (server down, refused for now): retried after a back-off that doubles, up to <paramref name="maxAttempts"/>.</summary>
    public void Failed(string error, DateTimeOffset now, TimeSpan firstBackOff, int maxAttempts)
    {
        Attempts++;
        LastError = Trim(error);
        if (Attempts >= maxAttempts)
        {
            Status = StatementStatus.Failed;
            return;
        }

        var delay = firstBackOff * Math.Pow(2, Attempts - 1);
        NextAttemptAt = now + (delay > TimeSpan.FromHours(6) ? TimeSpan.FromHours(6) : delay);
    }

    /// <summary>The mail server refused the recipients for good (unknown mailbox): recorded, not retried; a person fixes the contacts.</summary>
    public void Bounced(string error) => (Status, Attempts, LastError) = (StatementStatus.Bounced, Attempts + 1, Trim(error));

    private static string Trim(string error) => error.Length > 2000 ? error[..2000] : error;
}

public enum StatementStatus
{
    Pending,
    Sent,
    Failed,
    Bounced,
}
