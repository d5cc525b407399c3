using OrderToCash.Engine.Handlers;

namespace OrderToCash.Tests.Execution;

public sealed record ScoreInput(decimal Amount);

public sealed record ScoreOutput(bool Approved, decimal Score);

/// <summary>Approves amounts below 1000; the score is the amount divided by 10.</summary>
[WorkflowHandler("test.score", "Scores an amount: approved below 1000.")]
public sealed class ScoreHandler : WorkflowHandler<ScoreInput, ScoreOutput>
{
    protected override ValueTask<ScoreOutput> HandleAsync(ScoreInput input, HandlerContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ScoreOutput(input.Amount < 1000m, input.Amount / 10m));
}

public sealed record EchoInput(string Text);

public sealed record EchoOutput(string Echoed);

/// <summary>Echoes its text and remembers every call, so tests can see what ran in which order.</summary>
[WorkflowHandler("test.echo", "Echoes its input text.")]
public sealed class EchoHandler : WorkflowHandler<EchoInput, EchoOutput>
{
    public List<string> Calls { get; } = [];

    protected override ValueTask<EchoOutput> HandleAsync(EchoInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        Calls.Add(input.Text);
        return ValueTask.FromResult(new EchoOutput(input.Text));
    }
}

public sealed record NoInput;

public sealed record NoOutput;

/// <summary>Always raises the BPMN error REJECTED.</summary>
[WorkflowHandler("test.reject", "Raises the BPMN error REJECTED.")]
public sealed class RejectHandler : WorkflowHandler<NoInput, NoOutput>
{
    protected override ValueTask<NoOutput> HandleAsync(NoInput input, HandlerContext context, CancellationToken cancellationToken) =>
        throw new BpmnErrorException("REJECTED", "Rejected by the test handler.");
}

/// <summary>Fails technically until <see cref="Healthy"/> is set: the incident-and-retry path.</summary>
[WorkflowHandler("test.flaky", "Fails until healthy.")]
public sealed class FlakyHandler : WorkflowHandler<NoInput, NoOutput>
{
    public bool Healthy { get; set; }

    public int Calls { get; private set; }

    protected override ValueTask<NoOutput> HandleAsync(NoInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        Calls++;
        return Healthy ? ValueTask.FromResult(new NoOutput()) : throw new InvalidOperationException("The downstream system is unavailable.");
    }
}

/// <summary>Honours cancellation: the step is abandoned, not turned into an incident.</summary>
[WorkflowHandler("test.cancellable", "Throws when the step is cancelled.")]
public sealed class CancellableHandler : WorkflowHandler<NoInput, NoOutput>
{
    protected override ValueTask<NoOutput> HandleAsync(NoInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(new NoOutput());
    }
}
