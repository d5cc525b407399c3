using System.Globalization;
using OrderToCash.Core.Collections;

namespace OrderToCash.Host.Features.Collections;

/// <summary>
/// The worklist's query string read by hand, so that a bad value is a 400 problem naming the parameter (page, pageSize,
/// sort, direction, search, overdueOnly) rather than the framework's binding error.
/// </summary>
internal static class WorklistParameters
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 25;
    public const int MaxSearchLength = 100;

    public static (WorklistQuery? Query, Dictionary<string, string[]> Problems) Read(string? page, string? pageSize, string? sort, string? direction, string? search, string? overdueOnly)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var pageNumber = Number(page, 1, int.MaxValue, 1, "page", problems);
        var size = Number(pageSize, 1, MaxPageSize, DefaultPageSize, "pageSize", problems);
        var key = WorklistSort.Risk;
        if (sort is not null && !Enum.TryParse(sort, ignoreCase: true, out key) || sort is not null && !Enum.IsDefined(key) || sort is not null && int.TryParse(sort, out _))
        {
            problems["sort"] = [$"Unknown sort '{sort}': one of {string.Join(", ", Enum.GetNames<WorklistSort>().Select(n => n.ToLowerInvariant()))}."];
        }

        var descending = direction?.ToLowerInvariant() switch
        {
            null or "desc" => true,
            "asc" => false,
            _ => Problem(problems, "direction", $"Unknown direction '{direction}': asc or desc."),
        };
        if (search is { Length: > MaxSearchLength })
        {
            problems["search"] = [$"The search has {search.Length} characters; at most {MaxSearchLength}."];
        }

        var overdue = overdueOnly?.ToLowerInvariant() switch
        {
            null or "false" => false,
            "true" => true,
            _ => Problem(problems, "overdueOnly", $"overdueOnly is true or false (got '{overdueOnly}')."),
        };
        return problems.Count > 0 ? (null, problems) : (new WorklistQuery(pageNumber, size, key, descending, search, overdue), problems);
    }

    public static int Number(string? value, int min, int max, int fallback, string field, Dictionary<string, string[]> problems)
    {
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        problems[field] = [string.Create(CultureInfo.InvariantCulture, $"{field} must be a whole number from {min} to {max} (got '{value}').")];
        return fallback;
    }

    private static bool Problem(Dictionary<string, string[]> problems, string field, string message)
    {
        problems[field] = [message];
        return false;
    }
}
