using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Numbering;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.IntegrationTests.Workflows;

public sealed record NoInput;

public sealed record IssuedNumber(string InvoiceNumber);

/// <summary>
/// A handler with a real domain effect: it takes the next invoice number in the step's own unit of work. Gapless
/// numbers after crashes and races prove that each step's effect committed exactly once.
/// </summary>
[WorkflowHandler("test.issue-number", "Takes the next invoice number.")]
public sealed class IssueNumberHandler : WorkflowHandler<NoInput, IssuedNumber>
{
    /// <summary>When set, the next call stops the host in the middle of the handler (its work is lost, as in a crash).</summary>
    public CancellationTokenSource? CrashNextCall { get; set; }

    public int Calls => _calls;

    private int _calls;

    protected override async ValueTask<IssuedNumber> HandleAsync(NoInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var number = await InvoiceNumbering.NextAsync(db, InvoiceNumbering.InvoicePrefix, new DateOnly(2026, 11, 23), cancellationToken);
        if (CrashNextCall is { } crash)
        {
            CrashNextCall = null;
            await crash.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }

        return new IssuedNumber(number);
    }
}

/// <summary>
/// Takes an invoice number, then fails technically until <see cref="Healthy"/> is set: the incident-and-retry path,
/// and the proof that a failed handler's writes are undone.
/// </summary>
[WorkflowHandler("test.flaky", "Takes a number, fails until healthy.")]
public sealed class FlakyHandler : WorkflowHandler<NoInput, IssuedNumber>
{
    public bool Healthy { get; set; }

    public int Calls { get; private set; }

    protected override async ValueTask<IssuedNumber> HandleAsync(NoInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        Calls++;
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var number = await InvoiceNumbering.NextAsync(db, InvoiceNumbering.InvoicePrefix, new DateOnly(2026, 11, 23), cancellationToken);
        return Healthy ? new IssuedNumber(number) : throw new InvalidOperationException("The downstream system is unavailable.");
    }
}
