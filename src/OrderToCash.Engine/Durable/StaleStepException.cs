namespace OrderToCash.Engine.Durable;

/// <summary>What a step read changed before it could act (another host got there first): the step is replayed.</summary>
internal sealed class StaleStepException(string message) : Exception(message);
