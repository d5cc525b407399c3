namespace OrderToCash.Engine.Rules.Inputs;

/// <summary>The kinds of value a rule set's declared input field may hold (<c>"Inputs"</c> of a rule file).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name",
    Justification = "The kinds are the type names a rule file declares (\"string\", \"decimal\"...).")]
public enum InputKind
{
    String,
    Decimal,
    Int,
    Double,
    Bool,
    Date,
    DateTime,
    Object,
    Array,
}

/// <summary>
/// The type of one declared input field: a scalar (<c>decimal</c>, <c>decimal?</c> when it may be absent), an object
/// with its own fields, or an array of a type (<c>string[]</c>, <c>[ { … } ]</c>).
/// </summary>
public sealed record InputType(InputKind Kind, bool Nullable = false, IReadOnlyList<InputField>? Fields = null, InputType? Element = null)
{
    /// <summary>The scalar names as written in a rule file.</summary>
    public static readonly IReadOnlyDictionary<string, InputKind> ScalarNames = new Dictionary<string, InputKind>(StringComparer.Ordinal)
    {
        ["string"] = InputKind.String,
        ["decimal"] = InputKind.Decimal,
        ["int"] = InputKind.Int,
        ["double"] = InputKind.Double,
        ["bool"] = InputKind.Bool,
        ["date"] = InputKind.Date,
        ["datetime"] = InputKind.DateTime,
    };

    /// <summary>How the type is written in a rule file (an object as <c>{ Field: type, … }</c>).</summary>
    public string Text => Kind switch
    {
        InputKind.Object => $"{{ {string.Join(", ", (Fields ?? []).Select(f => $"{f.Name}: {f.Type.Text}"))} }}",
        InputKind.Array => $"{Element!.Text}[]",
        _ => ScalarNames.First(s => s.Value == Kind).Key + (Nullable ? "?" : string.Empty),
    };

    /// <summary>True when the two types declare the same thing (field names compared as expressions read them, ignoring case).</summary>
    public bool SameAs(InputType other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Kind != other.Kind || (Kind is not (InputKind.Object or InputKind.Array or InputKind.String) && Nullable != other.Nullable))
        {
            return false;
        }

        return Kind switch
        {
            InputKind.Array => Element!.SameAs(other.Element!),
            InputKind.Object => Fields!.Count == other.Fields!.Count
                && Fields.All(f => other.Fields.FirstOrDefault(o => string.Equals(o.Name, f.Name, StringComparison.OrdinalIgnoreCase)) is { } match && f.Type.SameAs(match.Type)),
            _ => true,
        };
    }

    public override string ToString() => Text;
}

/// <summary>One named field of a declared input (or, at the top, one input parameter such as <c>order</c>).</summary>
public sealed record InputField(string Name, InputType Type)
{
    public InputField? Find(string name) =>
        Type.Fields?.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// What a rule set says it reads: its input parameters (e.g. <c>order</c>), each an object of typed fields, in file
/// order (the order inputs are passed in).
/// </summary>
public sealed record InputDeclaration(IReadOnlyList<InputField> Parameters)
{
    public InputField? Find(string parameter) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, parameter, StringComparison.OrdinalIgnoreCase));
}
