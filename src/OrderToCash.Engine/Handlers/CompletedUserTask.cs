namespace OrderToCash.Engine.Handlers;

/// <summary>
/// The user task whose completion started the running step: a handler after it reads who answered from here
/// (<see cref="HandlerContext.CompletedTask"/>) rather than from the engine's tables.
/// </summary>
/// <param name="ElementId">The task's element in its process.</param>
/// <param name="ClaimedBy">Who had claimed it; null when it was completed without being claimed.</param>
/// <param name="CompletedBy">Who completed it.</param>
public sealed record CompletedUserTask(string ElementId, string? ClaimedBy, string CompletedBy);
