using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Demo;

/// <summary>
/// Removes what an interrupted demo seeding left (every row of the product's tables, dependents first), in one
/// transaction, so that the seeding can run again from an empty database. Only ever called when the
/// <see cref="DemoSeeding"/> record says the first seeding of this database started and never completed.
/// </summary>
internal static class DemoSeedingReset
{
    /// <summary>Kept: the seeding record itself, the cookie keys, sessions, the readiness probe and the ECB rate table (reference data seeded by the migration, not demo data).</summary>
    private static readonly Type[] Kept =
        [typeof(DemoSeeding), typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey), typeof(Infrastructure.Security.UserSession), typeof(ReadinessProbe), typeof(ReferenceTables.EcbRateTableVersion)];

    public static async Task ClearAsync(OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var references = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !Kept.Contains(e.ClrType)))
        {
            if (entity.GetTableName() is not { } table)
            {
                continue;
            }

            var name = sql.DelimitIdentifier(table, entity.GetSchema());
            var principals = references.TryGetValue(name, out var known) ? known : references[name] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in entity.GetForeignKeys())
            {
                if (key.PrincipalEntityType.GetTableName() is { } principal)
                {
                    principals.Add(sql.DelimitIdentifier(principal, key.PrincipalEntityType.GetSchema()));
                }
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in DependentsFirst(references))
        {
            var statement = "DELETE FROM " + table;
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A table comes after every table that references it.</summary>
    private static List<string> DependentsFirst(Dictionary<string, HashSet<string>> references)
    {
        var order = new List<string>();
        var remaining = references.Keys.ToHashSet(StringComparer.Ordinal);
        while (remaining.Count > 0)
        {
            var free = remaining.Where(t => !remaining.Any(other => other != t && references[other].Contains(t))).Order(StringComparer.Ordinal).ToList();
            if (free.Count == 0)
            {
                // A cycle of references: delete the rest in any order (the transaction commits only if the database accepts it).
                free = [.. remaining.Order(StringComparer.Ordinal)];
            }

            order.AddRange(free);
            remaining.ExceptWith(free);
        }

        return order;
    }
}
