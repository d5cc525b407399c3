using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace OrderToCash.Cli;

/// <summary>Options shared by several verbs, and the configuration they feed.</summary>
internal static class CliOptions
{
    public static readonly Option<string?> Provider = new("--provider")
    {
        Description = "Database provider: Sqlite (default), SqlServer or PostgreSql. Overrides Database:Provider.",
        Recursive = true,
    };

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Database connection string. Overrides Database:ConnectionString.",
        Recursive = true,
    };

    /// <summary>A fresh <c>--format</c> option per verb, since each verb lists its own options.</summary>
    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "Output format: text (default) or json.",
        DefaultValueFactory = _ => OutputFormat.Text,
    };

    /// <summary>appsettings.json of the working directory, then O2C_-prefixed and standard environment variables, then the options.</summary>
    public static IConfiguration Configuration(ParseResult parseResult)
    {
        var overrides = new Dictionary<string, string?>();
        if (parseResult.GetValue(Provider) is { } provider)
        {
            overrides["Database:Provider"] = provider;
        }

        if (parseResult.GetValue(Connection) is { } connection)
        {
            overrides["Database:ConnectionString"] = connection;
        }

        return new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables("O2C_")
            .AddInMemoryCollection(overrides)
            .Build();
    }
}

public enum OutputFormat
{
    Text,
    Json,
}
