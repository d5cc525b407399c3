using OrderToCash.Engine.Expressions;

namespace OrderToCash.Tests.Expressions;

/// <summary>
/// The attacks of issue 15 on the expression language: each one is refused before parsing or stopped while it runs,
/// with a sentence naming the budget, and the thread (the host) carries on.
/// </summary>
public sealed class ExpressionBudgetTests
{
    private static readonly IReadOnlyList<ExpressionParameter> Variables =
    [
        new("amount", typeof(decimal)),
        new("name", typeof(string)),
        new("items", typeof(List<int>)),
    ];

    private static readonly Dictionary<string, object?> Values = new()
    {
        ["amount"] = 12m,
        ["name"] = "Dupont",
        ["items"] = new List<int> { 1, 2, 3 },
    };

    private readonly SandboxedExpressionParser _parser = new(ExpressionTypePolicy.Default);

    [Fact]
    public void An_expression_of_1995_nested_parentheses_is_refused_before_the_parser_sees_it()
    {
        var text = new string('(', 1995) + "1" + new string(')', 1995);
        text.Length.Should().Be(3991);

        var parsed = RunOnSmallStack(() => _parser.Parse(text, Variables));

        parsed.Succeeded.Should().BeFalse();
        parsed.Errors.Should().ContainSingle().Which.Should().Be("the expression nests brackets more than 64 levels deep (at character 65); split it into parameters");
    }

    [Fact]
    public void Sixty_four_levels_of_brackets_still_parse()
    {
        var text = new string('(', 64) + "amount" + new string(')', 64) + " > 1";

        _parser.Parse(text, Variables, typeof(bool)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Brackets_inside_text_literals_do_not_count_as_nesting()
    {
        var text = "name != \"" + new string('(', 100) + "\"";

        _parser.Parse(text, Variables, typeof(bool)).Errors.Should().BeEmpty();
    }

    [Fact]
    public void An_expression_longer_than_4000_characters_is_refused_before_parsing()
    {
        var text = string.Concat(Enumerable.Repeat("amount + ", 500)) + "1 > 0";

        _parser.Parse(text, Variables, typeof(bool)).Errors.Should().ContainSingle()
            .Which.Should().Be("the expression is 4,505 characters long; at most 4,000 are allowed");
    }

    [Theory]
    [InlineData("(\"x\".PadLeft(500000000) + \"y\").Length > 0", "PadLeft(500,000,000) would build a text longer than 100,000 characters")]
    [InlineData("\"x\".PadRight(100001, 'y').Length > 0", "PadRight(100,001) would build a text longer than 100,000 characters")]
    [InlineData("\"x\".PadLeft(60000).Replace(\" \", \"abc\").Length > 0", "Replace could build a text longer than 100,000 characters")]
    [InlineData("string.Join(\",\", \"x\".PadLeft(60000).Select(c => \"ab\")).Length > 0", "it would build a text longer than 100,000 characters")]
    [InlineData("(\"x\".PadLeft(60000) + \"x\".PadLeft(60000)).Length > 0", "it would build a text longer than 100,000 characters")]
    [InlineData("amount.ToString(\"F999999999\").Length > 0", "the format 'F999999999' asks for more than 100,000 characters")]
    [InlineData("string.Format(\"{0,90000}{0,90000}\", amount).Length > 0", "asks for more than 100,000 characters")]
    [InlineData("\"x\".PadLeft(30000).SelectMany(c => \"x\".PadLeft(30000)).Count() > 0", "more than 100,000 items of a computed sequence")]
    [InlineData("\"x\".PadLeft(30000).SelectMany(c => \"x\".PadLeft(30000)).ToList().Count > 0", "more than 100,000 items of a computed sequence")]
    public void An_expression_building_more_than_its_budget_is_stopped_with_the_reason(string text, string reason)
    {
        var compiled = Compile(text);

        var act = () => compiled.Evaluate(Values);

        act.Should().Throw<ExpressionEvaluationException>().Which.Message.Should().Contain(reason);
    }

    [Fact]
    public void A_runaway_nested_loop_is_stopped_by_the_time_budget()
    {
        // 900 million lambda calls: 77.6 s of CPU before the budget existed.
        var compiled = Compile("\"x\".PadLeft(30000).Any(c => \"x\".PadLeft(30000).Any(d => d == 'y'))");

        var act = () => compiled.Evaluate(Values);

        act.Should().Throw<ExpressionEvaluationException>().Which.Message.Should().Contain("ran longer than the time budget of 1 s and was stopped");
    }

    [Fact]
    public void A_cancelled_caller_stops_a_long_evaluation()
    {
        var compiled = Compile("\"x\".PadLeft(30000).Any(c => \"x\".PadLeft(30000).Any(d => d == 'y'))");
        using var left = new CancellationTokenSource();
        left.Cancel();

        var act = () =>
        {
            using var scope = ExpressionBudget.Cancelling(left.Token);
            return compiled.Evaluate(Values);
        };

        act.Should().Throw<OperationCanceledException>();
        Compile("items.Any(i => i > 2)").Evaluate(Values).Should().BeTrue("the cancellation ends with its scope");
    }

    [Fact]
    public void A_computed_sequence_handed_to_the_caller_is_counted_when_it_is_read()
    {
        var parsed = _parser.Parse("\"x\".PadLeft(30000).SelectMany(c => \"x\".PadLeft(30000))", Variables);
        var sequence = (IEnumerable<char>)parsed.Compile<object?>().Evaluate(Values)!;

        var act = () => sequence.Count();

        act.Should().Throw<ExpressionBudgetException>().WithMessage("*more than 100,000 items*");
    }

    [Theory]
    [InlineData("items.Where(i => i > 1).Select(i => i * 2).Sum() == 10")]
    [InlineData("string.Join(\"-\", items.Select(i => i * 2))")]
    [InlineData("(name + \"!\").PadLeft(10, '*')")]
    [InlineData("name.Replace(\"o\", \"00\")")]
    [InlineData("amount.ToString(\"F2\")")]
    [InlineData("string.Concat(items.Select(i => i.ToString()))")]
    [InlineData("items.OrderBy(i => -i).ThenBy(i => i).First()")]
    [InlineData("string.Format(\"{0,8}|{1}\", name, amount)")]
    [InlineData("items.Where(i => i > 1).ToList().Count")]
    public void Ordinary_expressions_give_the_same_value_with_their_budgets(string text)
    {
        var parsed = _parser.Parse(text, Variables);
        parsed.Errors.Should().BeEmpty();
        var plain = parsed.Lambda!.Compile().DynamicInvoke([.. parsed.UsedParameters.Select(p => Values[p.Name])]);

        var budgeted = parsed.Compile<object?>().Evaluate(Values);

        budgeted.Should().Be(plain);
    }

    private CompiledExpression<bool> Compile(string text)
    {
        var parsed = _parser.Parse(text, Variables, typeof(bool));
        parsed.Errors.Should().BeEmpty();
        return parsed.Compile<bool>();
    }

    /// <summary>A thread with 256 KB of stack, where 60 levels of the parser's recursion already overflow.</summary>
    private static T RunOnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        var thread = new Thread(() => result = work(), 256 * 1024);
        thread.Start();
        thread.Join();
        return result;
    }
}
