using System.Linq.Expressions;
using OrderToCash.Engine.Durable.Storage;

namespace OrderToCash.Engine.Durable;

/// <summary>One passage of an instance through an element: entered, left (or still waiting there), and how it left.</summary>
public sealed class ElementVisit
{
    public long Id { get; init; }

    public required string InstanceId { get; init; }

    /// <summary>The process the element belongs to (a called process's own id inside its caller's instance).</summary>
    public required string ProcessId { get; init; }

    public int Version { get; init; }

    public required string ElementId { get; init; }

    public DateTimeOffset EnteredAt { get; init; }

    /// <summary>Null while the instance waits in the element.</summary>
    public DateTimeOffset? LeftAt { get; init; }

    public string? Outcome { get; init; }

    /// <summary>The variables the element wrote when it completed (JSON object), if any.</summary>
    public string? VariablesWritten { get; init; }

    internal static readonly Expression<Func<ElementVisitRecord, ElementVisit>> FromRecord = v => new ElementVisit
    {
        Id = v.Id,
        InstanceId = v.InstanceId,
        ProcessId = v.ProcessId,
        Version = v.Version,
        ElementId = v.ElementId,
        EnteredAt = v.EnteredAt,
        LeftAt = v.LeftAt,
        Outcome = v.Outcome,
        VariablesWritten = v.VariablesWritten,
    };
}
