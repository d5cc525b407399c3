namespace OrderToCash.Engine.Runtime.State;

/// <summary>
/// One step of the path: an element entered, left or cancelled by a token; on leaving, the variables the element wrote
/// (its outputs, a message's payload, a user task's answers).
/// </summary>
public sealed record HistoryEntry(string ElementId, HistoryKind Kind, string TokenId, DateTimeOffset At, IReadOnlyDictionary<string, object?>? Written = null);

public enum HistoryKind
{
    Entered,
    Left,

    /// <summary>The element was interrupted (boundary event, terminate end, error) before it completed.</summary>
    Cancelled,
}
