namespace OrderToCash.Engine.Rules;

/// <summary>A file's path (as shown in messages) and its text.</summary>
public sealed record RuleSource(string Path, string Content)
{
    public static async Task<RuleSource> ReadAsync(string path, CancellationToken cancellationToken) =>
        new(path, await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
}
