using OrderToCash.Engine.Durable;

namespace OrderToCash.IntegrationTests.Workflows;

/// <summary>The dispatch job's work (due timers, timer starts, buffered messages, incident retries) on one test host.</summary>
internal static class RuntimeDispatch
{
    public static WorkflowDispatcher Dispatcher(this DurableWorkflowRuntime host) => new(host);
}
