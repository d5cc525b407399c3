using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Runtime.State;
using OrderToCash.Host.Features.Collections;

namespace OrderToCash.Host.Features.Workflows;

/// <summary>
/// The instance search's query string read by hand, so that a bad value is a 400 problem naming the parameter
/// (businessKey, processId, elementId, status, page, pageSize) rather than the framework's binding error.
/// </summary>
internal static class InstanceSearchParameters
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 25;

    public static (InstanceSearch? Search, int Page, int PageSize, Dictionary<string, string[]> Problems) Read(
        string? businessKey, string? processId, string? elementId, string? status, string? page, string? pageSize)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var number = WorklistParameters.Number(page, 1, 100_000, 1, "page", problems);
        var size = WorklistParameters.Number(pageSize, 1, MaxPageSize, DefaultPageSize, "pageSize", problems);
        foreach (var (name, value) in new[] { ("businessKey", businessKey), ("processId", processId), ("elementId", elementId) })
        {
            if (value is { Length: > Limits.KeyLength })
            {
                problems[name] = [$"At most {Limits.KeyLength} characters ({value.Length} given)."];
            }
        }

        InstanceStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
            {
                wanted = parsed;
            }
            else
            {
                problems["status"] = [$"Unknown status '{status}': one of {string.Join(", ", Enum.GetNames<InstanceStatus>())}."];
            }
        }

        if (problems.Count > 0)
        {
            return (null, number, size, problems);
        }

        var search = new InstanceSearch(Blank(businessKey), Blank(processId), Blank(elementId), wanted, (number - 1) * size, size);
        return (search, number, size, problems);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
