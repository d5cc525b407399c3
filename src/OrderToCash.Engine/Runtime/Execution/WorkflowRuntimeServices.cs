namespace OrderToCash.Engine.Runtime.Execution;

/// <summary>What a step needs from outside: the clock, the rule-set runner and the published plans.</summary>
internal sealed record WorkflowRuntimeServices(TimeProvider Time, IRuleSetRunner? RuleSets, IProcessPlanResolver? Plans);
