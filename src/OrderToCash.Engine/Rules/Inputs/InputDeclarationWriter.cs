using System.Text.Json.Nodes;

namespace OrderToCash.Engine.Rules.Inputs;

/// <summary>A declaration written back as a rule file's <c>"Inputs"</c> (e.g. for a built-in rule set whose stored version predates them).</summary>
public static class InputDeclarationWriter
{
    public static JsonObject ToJson(InputDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var json = new JsonObject();
        foreach (var parameter in declaration.Parameters)
        {
            json[parameter.Name] = Write(parameter.Type);
        }

        return json;
    }

    private static JsonNode Write(InputType type) => type.Kind switch
    {
        InputKind.Object => new JsonObject(type.Fields!.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)Write(f.Type)))),
        InputKind.Array when type.Element!.Kind == InputKind.Object => new JsonArray(Write(type.Element)),
        _ => JsonValue.Create(type.Text),
    };
}
