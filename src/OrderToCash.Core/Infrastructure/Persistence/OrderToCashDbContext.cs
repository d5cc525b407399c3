using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace OrderToCash.Core.Infrastructure.Persistence;

/// <summary>
/// The one database of the product: domain and workflow state share it so a step commits in one transaction.
/// Each provider derives its own context so that it owns its own migration set.
/// </summary>
public abstract class OrderToCashDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The keys that protect sign-in cookies, shared by every host on the database: a cookie issued by one host is
    /// read by the others, and survives a restart.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Engine.Rules.Store.RuleSetVersion> RuleSetVersions => Set<Engine.Rules.Store.RuleSetVersion>();

    public DbSet<Engine.Rules.Decisions.DecisionRecord> RuleDecisions => Set<Engine.Rules.Decisions.DecisionRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrderToCashDbContext).Assembly);
        // The engine's tables (workflow instances, timers, messages, rule versions, decisions) live in the same
        // database, so that a step's domain writes and the instance's new state commit together.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Engine.Durable.DurableWorkflowRuntime).Assembly);
    }
}
