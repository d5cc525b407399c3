using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Expressions;
using OrderToCash.Engine.Timers;

namespace OrderToCash.Engine.Runtime.Plan;

/// <summary>
/// A timer (or user-task due date) ready to compute due times: either a literal ISO 8601 schedule parsed at compile
/// time, or a compiled expression evaluated when the timer is armed.
/// </summary>
public sealed class PlanTimer
{
    private readonly TimerSchedule? _literal;
    private readonly CompiledExpression<object?>? _expression;

    internal PlanTimer(TimerKind kind, TimerSchedule? literal, CompiledExpression<object?>? expression)
    {
        Kind = kind;
        _literal = literal;
        _expression = expression;
    }

    public TimerKind Kind { get; }

    /// <summary>The schedule for the current variables (the literal one, or the expression's result).</summary>
    public TimerSchedule Resolve(IReadOnlyDictionary<string, object?> variables)
    {
        if (_literal is not null)
        {
            return _literal;
        }

        var value = _expression!.Evaluate(variables);
        return value switch
        {
            TimeSpan span when span > TimeSpan.Zero => TimerSchedule.After(IsoDuration.FromTimeSpan(span)),
            DateTimeOffset date => TimerSchedule.AtDate(date),
            DateTime date => TimerSchedule.AtDate(new DateTimeOffset(DateTime.SpecifyKind(date, date.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : date.Kind))),
            string text when Parse(Kind, text) is { } schedule => schedule,
            _ => throw new ExpressionEvaluationException($"The timer expression '{_expression.Text}' yielded '{value}', which is not a valid {Kind.ToString().ToLowerInvariant()}."),
        };
    }

    internal static TimerSchedule? Parse(TimerKind kind, string text)
    {
        TimerSchedule schedule;
        var ok = kind switch
        {
            TimerKind.Date => TimerSchedule.TryParseDate(text, out schedule),
            TimerKind.Duration => TimerSchedule.TryParseDuration(text, out schedule),
            _ => TimerSchedule.TryParseCycle(text, out schedule),
        };
        return ok ? schedule : null;
    }
}
