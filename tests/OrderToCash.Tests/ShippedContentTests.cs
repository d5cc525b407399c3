using OrderToCash.Core;
using OrderToCash.Core.Infrastructure.Content;

namespace OrderToCash.Tests;

/// <summary>The rules, workflows and reason codes embedded for use outside the repository are the repository's files.</summary>
public sealed class ShippedContentTests
{
    [Theory]
    [InlineData("rules", "*.json")]
    [InlineData("workflows", "*.bpmn")]
    [InlineData("reasons", "*.json")]
    public void Every_file_of_the_folder_is_shipped_as_it_is_in_the_repository(string folder, string pattern)
    {
        var root = Path.Combine(RepositoryPaths.Root, folder);
        var inRepository = Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
            .ToDictionary(p => folder + "/" + Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllText);

        var shipped = ShippedContent.Embedded(folder + "/").ToDictionary(f => f.Name, f => f.Content);

        shipped.Should().NotBeEmpty().And.BeEquivalentTo(inRepository);
    }

    [Fact]
    public async Task Outside_the_repository_the_shipped_rules_and_workflows_are_read()
    {
        var outside = Directory.CreateTempSubdirectory("o2c-outside-").FullName;
        try
        {
            var (rules, cases) = await ShippedContent.LoadRulesAsync(outside, CancellationToken.None);
            var workflows = await ShippedContent.LoadWorkflowsAsync(outside, CancellationToken.None);

            rules.Select(r => r.Path).Should().Contain("rules/credit-limit.json").And.OnlyContain(p => !p.StartsWith("rules/tests/", StringComparison.Ordinal));
            cases.Select(r => r.Path).Should().Contain("rules/tests/credit-limit.json");
            workflows.Select(w => w.Name).Should().Contain("order-to-cash.bpmn");
            ShippedContent.ReasonCodes().Content.Should().Contain("\"reasons\"");
        }
        finally
        {
            Directory.Delete(outside);
        }
    }
}
