namespace OrderToCash.Engine.Handlers;

/// <summary>
/// Thrown by a handler to raise a BPMN error: a business outcome the process models (caught by an error boundary
/// event whose code matches), not a technical failure (any other exception becomes an incident).
/// </summary>
public sealed class BpmnErrorException : Exception
{
    public BpmnErrorException()
        : this("ERROR", "A BPMN error was raised.")
    {
    }

    public BpmnErrorException(string errorCode)
        : this(errorCode, $"BPMN error '{errorCode}'.")
    {
    }

    public BpmnErrorException(string errorCode, string message)
        : base(message) => ErrorCode = errorCode;

    public BpmnErrorException(string message, Exception innerException)
        : base(message, innerException) => ErrorCode = "ERROR";

    public string ErrorCode { get; }
}
