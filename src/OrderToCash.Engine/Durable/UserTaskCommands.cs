using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Runtime;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Durable;

/// <summary>What a person does with a user task: claim it, complete it with its outputs (which resumes the instance).</summary>
internal sealed class UserTaskCommands(StepUnitOfWork unitOfWork)
{
    /// <summary>Takes an open task for oneself; a task claimed by someone else, or for another role, is refused.</summary>
    public async Task<UserTask> ClaimAsync(string taskId, string user, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        await using var db = unitOfWork.CreateContext();
        var task = await FindTaskAsync(db, taskId, user, roles, cancellationToken).ConfigureAwait(false);
        if (task.Status == UserTaskStatus.Claimed && task.Assignee == user)
        {
            return UserTask.Of(task);
        }

        if (task.Status != UserTaskStatus.Open)
        {
            throw new UserTaskException($"The task '{taskId}' is {Describe(task)}: it cannot be claimed.");
        }

        (task.Status, task.Assignee, task.ClaimedAt) = (UserTaskStatus.Claimed, user, unitOfWork.Clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new UserTaskException($"The task '{taskId}' was claimed by someone else at the same moment.");
        }

        return UserTask.Of(task);
    }

    /// <summary>
    /// Completes a task with its outputs, which the element's output mappings check and turn into variables; outputs
    /// that do not fit are refused and nothing changes. A task claimed by someone else cannot be completed.
    /// </summary>
    public Task<InstanceSummary> CompleteAsync(string taskId, string user, IReadOnlyCollection<string> roles, IReadOnlyDictionary<string, object?>? outputs, CancellationToken cancellationToken) =>
        unitOfWork.InTransactionAsync(async db =>
        {
            var task = await FindTaskAsync(db, taskId, user, roles, cancellationToken).ConfigureAwait(false);
            if (task.Status is not (UserTaskStatus.Open or UserTaskStatus.Claimed) || (task.Status == UserTaskStatus.Claimed && task.Assignee != user))
            {
                throw new UserTaskException($"The task '{taskId}' is {Describe(task)}: only its assignee can complete it.");
            }

            var step = await unitOfWork.LoadAsync(db, task.InstanceId, cancellationToken).ConfigureAwait(false);
            if (!step.IsWaitingAt(task.BookmarkId))
            {
                throw new UserTaskException($"The task '{taskId}' is no longer waiting (the process moved on).");
            }

            step.CompletedTask = (task.BookmarkId, user, InstanceStateJson.SerializePayload(outputs));
            await unitOfWork.Executor(db, new CompletedUserTask(task.ElementId, task.Assignee, user)).ResumeAsync(step.Plan, step.State, task.BookmarkId, outputs, cancellationToken).ConfigureAwait(false);
            if (step.State is { Status: InstanceStatus.Incident, Incident: { } incident } && incident.ElementId == task.ElementId)
            {
                // The outputs did not satisfy the task's output mappings: refuse them, keep the task open.
                throw new UserTaskAnswerException($"The outputs do not fit the task '{task.ElementId}': {incident.Message}");
            }

            await unitOfWork.FinishAsync([step], cancellationToken).ConfigureAwait(false);
            return StepUnitOfWork.Summary(step);
        }, cancellationToken);

    private static async Task<UserTaskRecord> FindTaskAsync(DbContext db, string taskId, string user, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var task = await db.Set<UserTaskRecord>().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken).ConfigureAwait(false);
        // A task for another role does not exist for this user, unless it was assigned to them (o2c:assignee); a task
        // without role nor assignee is nobody's (it is in no inbox).
        return task is not null && ((task.CandidateRole is not null && roles.Contains(task.CandidateRole)) || (task.Assignee is not null && task.Assignee == user))
            ? task
            : throw new KeyNotFoundException($"User task '{taskId}' was not found.");
    }

    private static string Describe(UserTaskRecord task) => task.Status switch
    {
        UserTaskStatus.Claimed => $"claimed by {task.Assignee}",
        UserTaskStatus.Completed => $"already completed by {task.CompletedBy}",
        UserTaskStatus.Cancelled => "cancelled (the process moved on)",
        _ => "open",
    };
}

/// <summary>A user-task operation that the task's state does not allow; the message says why.</summary>
public class UserTaskException(string message) : Exception(message);

/// <summary>An answer whose outputs the task cannot take (a value its variable does not list, a wrong type): nothing changed.</summary>
public sealed class UserTaskAnswerException(string message) : UserTaskException(message);
