using System.Text.Json;

namespace OrderToCash.Host.Features.Workflows;

/// <summary>JSON bodies become instance variables as JSON values; the engine reads them as the declared types.</summary>
internal static class Variables
{
    public static Dictionary<string, object?>? From(Dictionary<string, JsonElement>? json) =>
        json?.ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.Null ? null : (object?)p.Value.Clone(), StringComparer.Ordinal);
}
