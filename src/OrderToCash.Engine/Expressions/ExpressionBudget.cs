using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace OrderToCash.Engine.Expressions;

/// <summary>
/// The time budget of an evaluation, and its cancellation. Compiled expressions that loop (lambdas, computed
/// sequences) call <see cref="Enter"/> / <see cref="Exit"/> around their body and <see cref="Tick"/> once per lambda
/// call or item (<see cref="BudgetRewriter"/>); every <see cref="TicksPerCheck"/> ticks the elapsed time and the
/// caller's cancellation are checked. An expression without loops pays nothing. Evaluation is synchronous, so the
/// meter is per thread.
/// </summary>
public static class ExpressionBudget
{
    /// <summary>Reading the clock costs ~20 ns; checking every 1,024 lambda calls keeps the cost of a tick to a decrement.</summary>
    private const int TicksPerCheck = 1024;

    [ThreadStatic]
    private static Meter? t_meter;

    /// <summary>
    /// Stops the evaluations run on this thread until disposed when <paramref name="cancellationToken"/> is cancelled
    /// (the client left). Use it around synchronous code only: the scope belongs to the thread.
    /// </summary>
    public static CancellationScope Cancelling(CancellationToken cancellationToken)
    {
        var meter = t_meter ??= new Meter();
        var previous = meter.Cancellation;
        meter.Cancellation = cancellationToken;
        return new CancellationScope(meter, previous);
    }

    /// <summary>Called by a compiled expression when its evaluation starts.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Enter()
    {
        var meter = t_meter ??= new Meter();
        if (meter.Depth++ == 0)
        {
            meter.Countdown = TicksPerCheck;
            meter.Deadline = 0;
        }
    }

    /// <summary>Called by a compiled expression when its evaluation ends, however it ends.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Exit()
    {
        if (t_meter is { Depth: > 0 } meter)
        {
            meter.Depth--;
        }
    }

    /// <summary>One unit of work (a lambda call, an item of a computed sequence).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Tick()
    {
        var meter = t_meter;
        if (meter is { Depth: > 0 } && --meter.Countdown <= 0)
        {
            meter.Check();
        }
    }

    /// <summary>Restores the previous cancellation of the thread.</summary>
    public readonly struct CancellationScope : IDisposable
    {
        private readonly Meter _meter;
        private readonly CancellationToken _previous;

        internal CancellationScope(Meter meter, CancellationToken previous)
        {
            _meter = meter;
            _previous = previous;
        }

        public void Dispose() => _meter.Cancellation = _previous;
    }

    internal sealed class Meter
    {
        public int Depth { get; set; }

        public int Countdown { get; set; }

        /// <summary>Stopwatch timestamp after which the evaluation stops; 0 until the first check starts the clock.</summary>
        public long Deadline { get; set; }

        public CancellationToken Cancellation { get; set; }

        public void Check()
        {
            Countdown = TicksPerCheck;
            Cancellation.ThrowIfCancellationRequested();
            // Elapsed-time measurement, not business time: the ambient clock ban is about decisions, this is a fuse.
            var now = Stopwatch.GetTimestamp();
            if (Deadline == 0)
            {
                Deadline = now + (long)(ExpressionLimits.TimeBudget.TotalSeconds * Stopwatch.Frequency);
            }
            else if (now > Deadline)
            {
                throw new ExpressionBudgetException(string.Create(CultureInfo.InvariantCulture,
                    $"its evaluation ran longer than the time budget of {ExpressionLimits.TimeBudget.TotalSeconds:0.###} s and was stopped"));
            }
        }
    }
}

/// <summary>An evaluation went over one of its budgets (time, text length, items): it was stopped, nothing was produced.</summary>
public sealed class ExpressionBudgetException : Exception
{
    public ExpressionBudgetException()
    {
    }

    public ExpressionBudgetException(string message)
        : base(message)
    {
    }

    public ExpressionBudgetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
