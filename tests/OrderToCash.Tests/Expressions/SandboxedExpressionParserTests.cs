using OrderToCash.Engine.Expressions;

namespace OrderToCash.Tests.Expressions;

public sealed class SandboxedExpressionParserTests
{
    private readonly SandboxedExpressionParser _parser = new(ExpressionTypePolicy.Default);

    [Theory]
    [MemberData(nameof(ExpressionCorpus.Hostile), MemberType = typeof(ExpressionCorpus))]
    public void Every_hostile_expression_of_the_corpus_is_refused_with_its_reason(string expression, string reason)
    {
        var parsed = _parser.Parse(expression, ExpressionCorpus.Variables);

        parsed.Succeeded.Should().BeFalse();
        parsed.Lambda.Should().BeNull();
        parsed.Errors.Should().Contain(e => e.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ExpressionCorpus.Benign), MemberType = typeof(ExpressionCorpus))]
    public void Every_benign_expression_of_the_corpus_is_accepted(string expression)
    {
        var parsed = _parser.Parse(expression, ExpressionCorpus.Variables, typeof(bool));

        parsed.Errors.Should().BeEmpty();
        parsed.Succeeded.Should().BeTrue();
    }

    [Fact]
    public void A_syntax_error_is_reported_with_its_position()
    {
        var parsed = _parser.Parse("amount >", ExpressionCorpus.Variables, typeof(bool));

        parsed.Errors.Should().ContainSingle().Which.Should().StartWith("it does not compile:").And.Contain("at character");
    }

    [Fact]
    public void An_unknown_variable_is_refused()
    {
        var parsed = _parser.Parse("total > 3", ExpressionCorpus.Variables, typeof(bool));

        parsed.Errors.Should().ContainSingle().Which.Should().Contain("total");
    }

    [Fact]
    public void A_result_of_the_wrong_type_is_refused()
    {
        var parsed = _parser.Parse("name", ExpressionCorpus.Variables, typeof(bool));

        parsed.Succeeded.Should().BeFalse();
    }

    [Fact]
    public void Only_the_variables_the_expression_reads_become_parameters()
    {
        var parsed = _parser.Parse("amount > 3 && name != null", ExpressionCorpus.Variables, typeof(bool));

        parsed.UsedParameters.Select(p => p.Name).Should().Equal("amount", "name");
    }

    [Fact]
    public void A_model_type_is_usable_only_when_the_caller_allows_it()
    {
        IReadOnlyList<ExpressionParameter> variables = [new("line", typeof(SampleLine))];

        var refused = _parser.Parse("line.Quantity > 2", variables, typeof(bool));
        var accepted = new SandboxedExpressionParser(ExpressionTypePolicy.Default.WithModelTypes([typeof(SampleLine)]))
            .Parse("line.Quantity > 2", variables, typeof(bool));

        refused.Errors.Should().ContainSingle().Which.Should().Contain("SampleLine, which is not an allowed type");
        accepted.Succeeded.Should().BeTrue();
    }

    [Fact]
    public void A_variable_of_a_forbidden_type_only_refuses_the_expressions_that_use_it()
    {
        IReadOnlyList<ExpressionParameter> variables = [new("amount", typeof(decimal)), new("file", typeof(FileInfo))];

        _parser.Parse("amount > 1", variables, typeof(bool)).Succeeded.Should().BeTrue();
        _parser.Parse("file.Length > 1", variables, typeof(bool)).Errors.Should().ContainSingle()
            .Which.Should().Be("the variable 'file' is a System.IO.FileInfo, which is not an allowed type");
    }

    [Fact]
    public void A_compiled_expression_reads_live_and_json_snapshot_values()
    {
        var compiled = _parser.Parse("amount > 100 && items.Count == 2", ExpressionCorpus.Variables, typeof(bool)).Compile<bool>();
        var live = new Dictionary<string, object?> { ["amount"] = 150m, ["items"] = new List<int> { 1, 2 } };
        var snapshot = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(System.Text.Json.JsonSerializer.Serialize(live))!;

        compiled.Evaluate(live).Should().BeTrue();
        compiled.Evaluate(snapshot).Should().BeTrue();
        compiled.Evaluate(new Dictionary<string, object?> { ["amount"] = 50, ["items"] = new List<int>() }).Should().BeFalse();
    }

    [Fact]
    public void Evaluating_without_a_required_variable_names_it()
    {
        var compiled = _parser.Parse("amount > 100", ExpressionCorpus.Variables, typeof(bool)).Compile<bool>();

        var act = () => compiled.Evaluate(new Dictionary<string, object?>());

        act.Should().Throw<ExpressionEvaluationException>().WithMessage("*'amount' is not set*");
    }

    public sealed record SampleLine(string Sku, int Quantity);
}
