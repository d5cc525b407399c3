using System.Text.Json;

namespace OrderToCash.Core.Processes;

/// <summary>
/// A feature's check of a user task's outputs before the task completes (the task endpoint asks every registered check):
/// outputs a person typed wrong are refused with a 422 naming the field, and nothing changes, instead of being accepted
/// and refused later by the step that reads them.
/// </summary>
public interface ITaskCompletionCheck
{
    /// <summary>Null when the outputs are fine (or the task is not this check's), else what is wrong and where.</summary>
    Task<string?> ProblemAsync(TaskCompletion completion, CancellationToken cancellationToken);
}

/// <param name="ProcessId">The process the task belongs to (dispute, dunning, …).</param>
/// <param name="ElementId">The user task's element id in that process.</param>
/// <param name="InstanceId">The workflow instance.</param>
/// <param name="Outputs">The outputs as sent (JSON values).</param>
public sealed record TaskCompletion(string ProcessId, string ElementId, string InstanceId, IReadOnlyDictionary<string, JsonElement> Outputs);
