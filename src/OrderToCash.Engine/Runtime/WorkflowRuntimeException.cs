namespace OrderToCash.Engine.Runtime;

/// <summary>A request the runtime refuses (unknown bookmark, instance not running, plan mismatch); nothing was changed.</summary>
public sealed class WorkflowRuntimeException : Exception
{
    public WorkflowRuntimeException()
    {
    }

    public WorkflowRuntimeException(string message)
        : base(message)
    {
    }

    public WorkflowRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
