using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Orders;

namespace OrderToCash.Cli.Commands.Bench;

/// <summary>Which acknowledged orders the database does not hold with their order-to-cash workflow started.</summary>
internal static class AcknowledgedOrders
{
    private const int Chunk = 500;

    public static async Task<IReadOnlyList<string>> MissingAsync(DatabaseProvider provider, string connectionString, IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        await using var db = DatabaseConfigurator.CreateContext(provider, connectionString);
        foreach (var chunk in numbers.Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            var present = await db.Set<Order>().AsNoTracking()
                .Where(o => chunk.Contains(o.Number) && o.CycleInstanceId != null)
                .Select(o => o.Number)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var found = present.ToHashSet(StringComparer.Ordinal);
            missing.AddRange(chunk.Where(n => !found.Contains(n)));
        }

        // The same number acknowledged twice would be two orders told one number: as bad as a missing one.
        missing.AddRange(numbers.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key + " (acknowledged twice)"));
        return missing;
    }
}
