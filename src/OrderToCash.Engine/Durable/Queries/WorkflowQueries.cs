using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// The engine's read side over a unit of work's context: queries callers compose (Where, Any, GroupBy, Count) into their
/// own, so that "the orders without a cycle instance" stays one SQL statement, as it was when callers read the tables.
/// Nothing here writes; the storage rows stay the engine's (ADR 0130).
/// </summary>
public static class WorkflowQueries
{
    /// <summary>Process instances, running or ended.</summary>
    public static IQueryable<WorkflowInstance> Instances(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<InstanceRecord>().AsNoTracking().Select(WorkflowInstance.FromRecord);
    }

    /// <summary>Every passage through an element; those with no <see cref="ElementVisit.LeftAt"/> are waiting there now.</summary>
    public static IQueryable<ElementVisit> ElementVisits(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ElementVisitRecord>().AsNoTracking().Select(ElementVisit.FromRecord);
    }

    /// <summary>User tasks, open, claimed, completed or cancelled (the inbox's rows, whatever the caller's role).</summary>
    public static IQueryable<UserTask> UserTasks(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<UserTaskRecord>().AsNoTracking().Select(UserTask.FromRecord);
    }

    /// <summary>The ids of the processes that have at least one published version.</summary>
    public static IQueryable<string> PublishedProcessIds(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<DefinitionRecord>().AsNoTracking().Select(d => d.ProcessId).Distinct();
    }

    /// <summary>How many message waits (intermediate catch events, receive tasks, boundary messages) are open.</summary>
    public static Task<int> CountMessageWaitsAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<SubscriptionRecord>().CountAsync(cancellationToken);
    }
}
