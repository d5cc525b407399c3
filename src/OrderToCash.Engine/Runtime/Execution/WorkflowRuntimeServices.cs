namespace OrderToCash.Engine.Runtime.Execution;

/// <summary>
/// What a step needs from outside: the clock, the rule-set runner, the published plans, and the services of the step's
/// unit of work (handlers write through them, in the same transaction as the instance's new state).
/// </summary>
internal sealed record WorkflowRuntimeServices(TimeProvider Time, IRuleSetRunner? RuleSets, IProcessPlanResolver? Plans, IServiceProvider? StepServices = null, WorkflowBudgets? Budgets = null);
