using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Runtime;

namespace OrderToCash.Tests.Execution;

public sealed class WorkflowRuntimeRegistrationTests
{
    [Fact]
    public async Task The_runtime_resolves_from_di_and_runs_a_plan_with_registered_handlers()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddWorkflowHandler<ScoreHandler>()
            .AddWorkflowRuntime();
        using var provider = services.BuildServiceProvider();
        var handlers = provider.GetRequiredService<HandlerCatalog>();
        var validation = Engine.Bpmn.Validation.BpmnValidator.Validate(
            Engine.Bpmn.Parsing.BpmnParser.ParseFile(Path.Combine(AppContext.BaseDirectory, "Execution", "Fixtures", "exclusive.bpmn")),
            new Engine.Bpmn.Validation.WorkflowCatalog(handlers.Descriptors, []));
        var plan = Engine.Runtime.Plan.ExecutionPlanCompiler.Compile(validation, "exclusive", 1, handlers);
        provider.GetRequiredService<Engine.Runtime.InMemoryPlanRegistry>().Publish(plan);

        var state = await provider.GetRequiredService<Engine.Runtime.WorkflowExecutor>().StartAsync(plan, new Dictionary<string, object?> { ["amount"] = 1m });

        state.Status.Should().Be(Engine.Runtime.State.InstanceStatus.Completed);
        state.StartedAt.Should().Be(clock.GetUtcNow());
        provider.GetRequiredService<Engine.Runtime.IProcessPlanResolver>().Find("exclusive", 1).Should().BeSameAs(plan);
    }
}
