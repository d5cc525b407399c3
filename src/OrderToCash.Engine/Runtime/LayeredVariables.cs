using System.Collections;

namespace OrderToCash.Engine.Runtime;

/// <summary>
/// A read view over several variable dictionaries, innermost first (multi-instance item locals, then the process's
/// variables): what expressions see inside a nested scope.
/// </summary>
internal sealed class LayeredVariables(IReadOnlyList<IReadOnlyDictionary<string, object?>> layers) : IReadOnlyDictionary<string, object?>
{
    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => Merged().Select(p => p.Key);

    public IEnumerable<object?> Values => Merged().Select(p => p.Value);

    public int Count => Merged().Count();

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, out object? value)
    {
        foreach (var layer in layers)
        {
            if (layer.TryGetValue(key, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Merged().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<KeyValuePair<string, object?>> Merged()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return layers.SelectMany(l => l).Where(p => seen.Add(p.Key));
    }
}
