namespace OrderToCash.Host.Features.Catalog;

/// <summary>
/// The names a process owner picks from in the designer instead of typing them: service-task handlers (with the
/// inputs they read and the outputs they return), rule sets and messages. One instance per host (a DI singleton),
/// empty until the composition root registers what the engine, the rule store and the message correlation offer.
/// </summary>
internal sealed class ProcessCatalog
{
    private const int MaxNameLength = 200;

    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, HandlerDescription> _handlers = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, CatalogEntry> _ruleSets = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, CatalogEntry> _messages = new(StringComparer.Ordinal);

    /// <summary>Offers a service-task handler (<c>o2c:handler</c>).</summary>
    /// <exception cref="ArgumentException">The name, an input or an output is empty, too long or has white space.</exception>
    /// <exception cref="InvalidOperationException">A handler of that name is already registered.</exception>
    public ProcessCatalog AddHandler(string name, string description, IEnumerable<string>? inputs = null, IEnumerable<string>? outputs = null)
    {
        var handler = new HandlerDescription(
            CheckName(name, "handler"),
            description?.Trim() ?? string.Empty,
            CheckNames(inputs, "input", name),
            CheckNames(outputs, "output", name));
        Add(_handlers, handler.Name, handler, "handler");
        return this;
    }

    /// <summary>Offers a rule set for business-rule tasks (<c>o2c:ruleSet</c>).</summary>
    public ProcessCatalog AddRuleSet(string name, string description)
    {
        Add(_ruleSets, CheckName(name, "rule set"), new CatalogEntry(name, description?.Trim() ?? string.Empty), "rule set");
        return this;
    }

    /// <summary>Offers a message for message events and receive tasks (<c>o2c:messageName</c>).</summary>
    public ProcessCatalog AddMessage(string name, string description)
    {
        Add(_messages, CheckName(name, "message"), new CatalogEntry(name, description?.Trim() ?? string.Empty), "message");
        return this;
    }

    public IReadOnlyList<HandlerDescription> Handlers => Snapshot(_handlers);

    public IReadOnlyList<CatalogEntry> RuleSets => Snapshot(_ruleSets);

    public IReadOnlyList<CatalogEntry> Messages => Snapshot(_messages);

    private void Add<T>(SortedDictionary<string, T> entries, string name, T entry, string what)
    {
        lock (_gate)
        {
            if (!entries.TryAdd(name, entry))
            {
                throw new InvalidOperationException($"A {what} named '{name}' is already in the catalog; each name must be registered once.");
            }
        }
    }

    private List<T> Snapshot<T>(SortedDictionary<string, T> entries)
    {
        lock (_gate)
        {
            return [.. entries.Values];
        }
    }

    private static string CheckName(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"The name of a {what} is required.", nameof(name));
        }

        if (name.Length > MaxNameLength || name.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException(
                $"The {what} name '{name}' cannot be used: names are written into BPMN attributes, so they have at most {MaxNameLength} characters and no white space.",
                nameof(name));
        }

        return name;
    }

    private static List<string> CheckNames(IEnumerable<string>? names, string what, string handler)
    {
        var list = names?.Select(n => CheckName(n, $"{what} of the handler '{handler}'")).ToList() ?? [];
        var duplicate = list.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? list
            : throw new ArgumentException($"The handler '{handler}' lists the {what} '{duplicate.Key}' twice.", nameof(names));
    }
}

/// <summary>A handler as the designer shows it: its name, what it does, what it reads and returns.</summary>
internal sealed record HandlerDescription(string Name, string Description, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs);

/// <summary>A rule set or a message as the designer shows it.</summary>
internal sealed record CatalogEntry(string Name, string Description);
