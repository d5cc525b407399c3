namespace OrderToCash.Cli;

/// <summary>The command line was well-formed but its arguments make no sense (exit code 2).</summary>
public sealed class CliUsageException(string message) : Exception(message);
