namespace OrderToCash.Engine.Runtime.State;

/// <summary>
/// One step of the path: an element entered, left or cancelled by a token; on leaving, the variables the element wrote
/// (its outputs, a message's payload, a user task's answers). <paramref name="Process"/> is the called process the
/// element belongs to (null: the instance's own process).
/// </summary>
public sealed record HistoryEntry(string ElementId, HistoryKind Kind, string TokenId, DateTimeOffset At, IReadOnlyDictionary<string, object?>? Written = null, CalledProcess? Process = null);

/// <summary>A called process and the version an instance runs of it (a call activity's scope).</summary>
public sealed record CalledProcess(string ProcessId, int Version);

public enum HistoryKind
{
    Entered,
    Left,

    /// <summary>The element was interrupted (boundary event, terminate end, error) before it completed.</summary>
    Cancelled,
}
