using System.Text.Json;

namespace OrderToCash.Engine.Bpmn.Import;

/// <summary>
/// What a Camunda model's references mean here, read from the mapping file of <c>o2c import camunda</c>:
/// <c>handlers</c> (a Zeebe job type, an external-task topic or a Java class/expression → our handler),
/// <c>roles</c> (a candidate group → our role) and <c>ruleSets</c> (a DMN decision id → our rule set).
/// </summary>
public sealed record CamundaMapping(
    IReadOnlyDictionary<string, string> Handlers,
    IReadOnlyDictionary<string, string> Roles,
    IReadOnlyDictionary<string, string> RuleSets)
{
    public const int MaxCharacters = 1_000_000;

    public static CamundaMapping Empty { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>Reads a mapping file; <see cref="FormatException"/> naming what is wrong (and where) otherwise.</summary>
    public static CamundaMapping Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxCharacters)
        {
            throw new FormatException($"The mapping file has more than {MaxCharacters:N0} characters.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The mapping file is not JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The mapping file must be an object with \"handlers\", \"roles\" and/or \"ruleSets\".");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name is not ("handlers" or "roles" or "ruleSets"))
                {
                    throw new FormatException($"The mapping file has an unknown section \"{property.Name}\"; the sections are \"handlers\", \"roles\" and \"ruleSets\".");
                }
            }

            return new CamundaMapping(Section(document.RootElement, "handlers"), Section(document.RootElement, "roles"), Section(document.RootElement, "ruleSets"));
        }
    }

    private static Dictionary<string, string> Section(JsonElement root, string name)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetProperty(name, out var section))
        {
            return entries;
        }

        if (section.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"\"{name}\" must be an object of \"their name\": \"our name\" pairs.");
        }

        foreach (var entry in section.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(entry.Value.GetString()) || string.IsNullOrWhiteSpace(entry.Name))
            {
                throw new FormatException($"\"{name}\".\"{entry.Name}\" must map a name to a non-empty text.");
            }

            entries[entry.Name.Trim()] = entry.Value.GetString()!.Trim();
        }

        return entries;
    }
}
