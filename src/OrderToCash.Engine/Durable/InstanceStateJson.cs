using System.Text.Json;
using System.Text.Json.Serialization;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// How an instance's state snapshot is stored: compact JSON, enums by name (readable in the database), properties that
/// are null left out (a third of a waiting instance's snapshot; they read back as null, so snapshots written before
/// read the same: ADR 0137). Null variables are kept: they are dictionary entries, not properties.
/// </summary>
internal static class InstanceStateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(InstanceState state) => JsonSerializer.Serialize(state, Options);

    public static InstanceState Deserialize(string json) =>
        JsonSerializer.Deserialize<InstanceState>(json, Options) ?? throw new InvalidOperationException("An instance's stored state is empty.");

    public static string? SerializePayload(IReadOnlyDictionary<string, object?>? payload) =>
        payload is null ? null : JsonSerializer.Serialize(payload, Options);

    public static Dictionary<string, object?>? DeserializePayload(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Dictionary<string, object?>>(json, Options);
}
