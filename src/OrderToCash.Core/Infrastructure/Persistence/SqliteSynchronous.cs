namespace OrderToCash.Core.Infrastructure.Persistence;

/// <summary>SQLite's <c>synchronous</c> setting in WAL mode: when a commit reaches the disk (ADR 0138).</summary>
public enum SqliteSynchronous
{
    /// <summary>At the commit: a committed step survives a power loss.</summary>
    Full,

    /// <summary>At the next checkpoint: a commit survives the process's crash, not a power loss; atomicity is the same.</summary>
    Normal,
}
