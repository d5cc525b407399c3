namespace OrderToCash.Core.RootCauses;

/// <summary>A refused move of a process-improvement task (the host answers 422 with the message).</summary>
public sealed class ImprovementTaskException : Exception
{
    public ImprovementTaskException()
    {
    }

    public ImprovementTaskException(string message)
        : base(message)
    {
    }

    public ImprovementTaskException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
