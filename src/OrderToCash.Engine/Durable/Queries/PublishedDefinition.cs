using System.Linq.Expressions;
using OrderToCash.Engine.Durable.Storage;

namespace OrderToCash.Engine.Durable;

/// <summary>One published version of a process definition (glossary: ProcessDefinition), without its XML.</summary>
public sealed class PublishedDefinition
{
    public required string ProcessId { get; init; }

    public int Version { get; init; }

    public string? Name { get; init; }

    /// <summary>The file it was published from (order-to-cash.bpmn).</summary>
    public required string SourceName { get; init; }

    /// <summary>The SHA-256 of its XML: what tells two publications of a file apart.</summary>
    public required string ContentHash { get; init; }

    public required string PublishedBy { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    internal static readonly Expression<Func<DefinitionRecord, PublishedDefinition>> FromRecord = d => new PublishedDefinition
    {
        ProcessId = d.ProcessId,
        Version = d.Version,
        Name = d.Name,
        SourceName = d.SourceName,
        ContentHash = d.ContentHash,
        PublishedBy = d.PublishedBy,
        PublishedAt = d.PublishedAt,
    };
}
