using System.Text.Json;
using OrderToCash.Engine.Expressions;

namespace OrderToCash.Tests.Expressions;

/// <summary>The variables every corpus expression is parsed over, and the corpus files beside the tests.</summary>
internal static class ExpressionCorpus
{
    public static readonly IReadOnlyList<ExpressionParameter> Variables =
    [
        new("amount", typeof(decimal)),
        new("name", typeof(string)),
        new("items", typeof(List<int>)),
        new("due", typeof(DateTime)),
        new("tags", typeof(Dictionary<string, string>)),
    ];

    public static IEnumerable<object[]> Hostile() =>
        Load<List<HostileCase>>("hostile-expressions.json").Select(c => new object[] { c.Expression, c.Reason });

    public static IEnumerable<object[]> Benign() =>
        Load<List<string>>("benign-expressions.json").Select(e => new object[] { e });

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static T Load<T>(string file) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Expressions", file)), Options)!;

    private sealed record HostileCase(string Expression, string Reason);
}
