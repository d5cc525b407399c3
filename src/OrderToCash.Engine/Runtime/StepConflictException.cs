namespace OrderToCash.Engine.Runtime;

/// <summary>
/// The step's unit of work conflicted with another one (same row changed, same key created): not a failure of the
/// element but a race, so the executor lets it through instead of raising an incident, and the durable runtime replays
/// the whole step on fresh state.
/// </summary>
public sealed class StepConflictException(string message, Exception innerException) : Exception(message, innerException);
