namespace OrderToCash.Engine.Bpmn.Model;

/// <summary>What triggers or is thrown by an event. Only the members matching <see cref="Kind"/> are set.</summary>
public sealed record EventDefinition(EventKind Kind, string ElementType, SourceLocation Location)
{
    public static EventDefinition None { get; } = new(EventKind.None, "none", SourceLocation.Unknown);

    /// <summary>The message's name (from the referenced <c>message</c>), used for correlation.</summary>
    public string? MessageName { get; init; }

    /// <summary>The correlation-key expression (<c>o2c:correlationKey</c>), evaluated over the instance's variables.</summary>
    public string? CorrelationKey { get; init; }

    public TimerKind? Timer { get; init; }

    /// <summary>The ISO 8601 text, or an expression yielding a TimeSpan / DateTimeOffset / ISO text.</summary>
    public string? TimerText { get; init; }

    /// <summary>The BPMN error code thrown or caught; null on a catch means "any error".</summary>
    public string? ErrorCode { get; init; }
}
