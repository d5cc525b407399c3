namespace OrderToCash.Engine.Bpmn.Model;

/// <summary>
/// <c>&lt;o2c:input name="x" expression="..."/&gt;</c> or <c>&lt;o2c:output .../&gt;</c>: inputs are evaluated over the
/// instance's variables and handed to the handler; outputs are evaluated over the handler's outputs and stored as
/// variables.
/// </summary>
public sealed record DataMapping(string Name, string Expression, SourceLocation Location);

/// <summary>
/// <c>&lt;o2c:variable name="amount" type="decimal"/&gt;</c>: a typed process variable expressions may read. A string
/// variable may list the only <see cref="Values"/> it takes (<c>values="CreditNote,Rejected"</c>): a task form offers
/// them as choices and any other value written to it is refused.
/// </summary>
public sealed record VariableDeclaration(string Name, string TypeName, SourceLocation Location)
{
    /// <summary>The values the variable may take, in the order a form offers them; null when any value of its type is fine.</summary>
    public IReadOnlyList<string>? Values { get; init; }
}

/// <summary>
/// A multi-instance marker: one item after the other (sequential) or all at once, over the collection yielded by
/// <c>o2c:collection</c>, each body instance seeing its item as the local <c>o2c:elementVariable</c>.
/// </summary>
public sealed record MultiInstanceModel(bool IsSequential, string? Collection, string? ElementVariable, SourceLocation Location)
{
    /// <summary>The variable receiving one result per item, in item order (<c>o2c:outputCollection</c>).</summary>
    public string? OutputCollection { get; init; }

    /// <summary>The expression giving an item's result when the item completes (<c>o2c:outputElement</c>).</summary>
    public string? OutputElement { get; init; }
}
