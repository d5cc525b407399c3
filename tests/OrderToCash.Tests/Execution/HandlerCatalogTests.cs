using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Tests.Execution;

public sealed class HandlerCatalogTests
{
    [Fact]
    public void Handlers_registered_through_di_form_the_catalog_with_typed_camel_case_parameters()
    {
        var services = new ServiceCollection().AddWorkflowHandler<ScoreHandler>().AddWorkflowHandler<EchoHandler>();
        using var provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<HandlerCatalog>();

        var score = catalog.Descriptors.Should().ContainSingle(d => d.Name == "test.score").Subject;
        score.Description.Should().Contain("approved below 1000");
        score.Inputs.Should().ContainSingle().Which.Should().Be(new HandlerParameter("amount", typeof(decimal), true));
        score.Outputs.Select(o => (o.Name, o.Type)).Should().Equal(("approved", typeof(bool)), ("score", typeof(decimal)));
        catalog.TryGet("test.echo", out _).Should().BeTrue();
    }

    [Fact]
    public void Discovery_describes_handlers_without_creating_them()
    {
        var descriptors = HandlerCatalog.Discover([typeof(ScoreHandler).Assembly]);

        descriptors.Select(d => d.Name).Should().Contain(["test.score", "test.echo", "test.reject", "test.flaky"]);
    }

    [Fact]
    public void Two_handlers_with_one_name_are_refused()
    {
        var act = () => new HandlerCatalog([new ScoreHandler(), new ScoreHandler()]);

        act.Should().Throw<InvalidOperationException>().WithMessage("*'test.score'*");
    }

    [Fact]
    public async Task A_missing_required_input_is_named()
    {
        var act = () => new ScoreHandler().ExecuteAsync(new HandlerContext("i", "e", new Dictionary<string, object?>()), CancellationToken.None).AsTask();

        await act.Should().ThrowAsync<Engine.Expressions.ExpressionEvaluationException>().WithMessage("*'amount'*");
    }
}
