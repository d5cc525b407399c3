using OrderToCash.Core.Infrastructure.Content;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Compilation;

namespace OrderToCash.Cli.Commands.Rules;

/// <summary>The rule services the CLI verbs share, built without a host.</summary>
internal static class RuleTooling
{
    public static RuleSetValidator CreateValidator() => new(new RuleSetCompiler(OrderToCashRuleSets.CreateCatalog()));

    /// <summary>The given rules folder, or rules/ found from the working directory upwards.</summary>
    public static string ResolveFolder(string? folder)
    {
        if (folder is not null)
        {
            return Directory.Exists(folder) ? folder : throw new CliUsageException($"The rules folder '{folder}' does not exist.");
        }

        return RuleFolder.Find(Directory.GetCurrentDirectory())
            ?? throw new CliUsageException("No rules/ folder found from the working directory upwards; pass --rules <folder>.");
    }
}
