using System.Text.Json;
using OrderToCash.Cli;

namespace OrderToCash.IntegrationTests.Rules;

/// <summary>The rules verbs of <c>o2c</c>, in process, against the repository's rules/ and a temp SQLite file.</summary>
public class RulesCliTests
{
    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output + error.ToString());
    }

    [Fact]
    public async Task Rules_test_passes_the_shipped_cases_and_prints_json()
    {
        var (exit, output) = await RunAsync("rules", "test", "--rules", RepositoryPaths.Rules, "--format", "json");

        exit.Should().Be(CliApp.Ok, output);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("passed").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("failed").GetInt32().Should().Be(0);
        json.RootElement.GetProperty("total").GetInt32().Should().BeGreaterThan(50);
    }

    [Fact]
    public async Task Rules_test_exits_non_zero_and_names_the_case_when_one_fails()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var folder = Path.Combine(store.Folder, "rules");
        Directory.CreateDirectory(Path.Combine(folder, "tests"));
        File.Copy(Path.Combine(RepositoryPaths.Rules, "payment-terms.json"), Path.Combine(folder, "payment-terms.json"));
        var cases = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Rules, "tests", "payment-terms.json"));
        await File.WriteAllTextAsync(Path.Combine(folder, "tests", "payment-terms.json"), cases.Replace("\"AgreedTermWithin60DaysOfInvoice\": false", "\"AgreedTermWithin60DaysOfInvoice\": true", StringComparison.Ordinal));

        var (exit, output) = await RunAsync("rules", "test", "--rules", folder);

        exit.Should().Be(CliApp.Problems);
        output.Should().Contain("61 days from invoice date is refused even if agreed").And.Contain("FAIL").And.Contain("AgreedTermWithin60DaysOfInvoice");
    }

    [Fact]
    public async Task Rules_publish_publishes_the_folder_then_reports_it_unchanged()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        string[] publish = ["rules", "publish", RepositoryPaths.Rules, "--author", "ci", "--comment", "initial rules", "--format", "json", "--provider", "Sqlite", "--connection", store.ConnectionString];

        var (exit, output) = await RunAsync(publish);
        var (exitAgain, outputAgain) = await RunAsync(publish);

        exit.Should().Be(CliApp.Ok, output);
        using (var json = JsonDocument.Parse(output))
        {
            json.RootElement.GetProperty("published").GetBoolean().Should().BeTrue();
            json.RootElement.GetProperty("ruleSets").EnumerateArray().Should().HaveCount(6).And.OnlyContain(r => r.GetProperty("version").GetInt32() == 1);
        }

        exitAgain.Should().Be(CliApp.Ok, outputAgain);
        using (var json = JsonDocument.Parse(outputAgain))
        {
            json.RootElement.GetProperty("ruleSets").EnumerateArray().Should().OnlyContain(r => r.GetProperty("unchanged").GetBoolean());
        }

        (await store.CountVersionsAsync()).Should().Be(6);
    }

    [Fact]
    public async Task Rules_publish_refuses_a_hostile_rule_and_writes_nothing()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var file = Path.Combine(store.Folder, "credit-limit.json");
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Rules, "credit-limit.json"));
        await File.WriteAllTextAsync(file, shipped.Replace("\"exposureAfterOrder <= limit\"", "\"Environment.GetEnvironmentVariable(\\\"HOME\\\") != null\"", StringComparison.Ordinal));

        var (exit, output) = await RunAsync("rules", "publish", file, "--provider", "Sqlite", "--connection", store.ConnectionString);

        exit.Should().Be(CliApp.Problems);
        output.Should().Contain("[credit-limit/WithinCreditLimit]").And.Contain("Refused: nothing was published.");
        (await store.CountVersionsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Validate_accepts_rule_and_what_if_files_and_names_the_rule_set_and_rule_of_each_problem()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var bad = Path.Combine(store.Folder, "escalation.json");
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Rules, "escalation.json"));
        await File.WriteAllTextAsync(bad, shipped.Replace("item.OpenAmount >= 1500", "item.OpenAmout >= 1500", StringComparison.Ordinal));

        var (validExit, validOutput) = await RunAsync("validate", RepositoryPaths.Rules);
        var (badExit, badOutput) = await RunAsync("validate", bad, "--format", "json");

        validExit.Should().Be(CliApp.Ok, validOutput);
        validOutput.Should().Contain("12 file(s) checked, 0 with errors");
        badExit.Should().Be(CliApp.Problems);
        using var json = JsonDocument.Parse(badOutput);
        var diagnostic = json.RootElement.GetProperty("files")[0].GetProperty("diagnostics").EnumerateArray().Should().ContainSingle().Subject;
        diagnostic.GetProperty("element").GetString().Should().Be("escalation/LegalHandOver");
        diagnostic.GetProperty("message").GetString().Should().Contain("OpenAmout");
    }

    [Fact]
    public async Task Validate_accepts_a_rulesengine_file_with_a_new_rule_set_name_whose_constant_rules_use_no_input()
    {
        using var folder = new Infrastructure.TempDirectory();
        var file = folder.File("house-keeping.json");
        await File.WriteAllTextAsync(file, """
            { "WorkflowName": "house-keeping", "Rules": [ { "RuleName": "Arithmetic", "Expression": "1 + 2 == 3", "SuccessEvent": "ok" } ] }
            """);
        var usesInput = folder.File("uses-input.json");
        await File.WriteAllTextAsync(usesInput, """
            { "WorkflowName": "uses-input", "Rules": [ { "RuleName": "Big", "Expression": "order.Amount > 1000" } ] }
            """);

        var (exit, output) = await RunAsync("validate", file);
        var (refusedExit, refusedOutput) = await RunAsync("validate", usesInput);

        exit.Should().Be(CliApp.Ok, output);
        output.Should().NotContain("RULE007");
        refusedExit.Should().Be(CliApp.Problems);
        refusedOutput.Should().Contain("uses-input/Big").And.Contain("RULE007").And.Contain("may use no input");
    }

    [Fact]
    public async Task Bench_credit_decision_prints_both_rates_and_the_overhead()
    {
        var (exit, output) = await RunAsync("bench", "--workload", "credit-decision", "--instances", "2000", "--format", "json");

        exit.Should().Be(CliApp.Ok, output);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("ourDecisionsPerSecond").GetDouble().Should().BePositive();
        json.RootElement.GetProperty("rulesEngineDecisionsPerSecond").GetDouble().Should().BePositive();
        json.RootElement.TryGetProperty("overheadRatio", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Rules_explain_shows_why_an_order_was_blocked_and_under_which_version()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        (await RunAsync("rules", "publish", Path.Combine(RepositoryPaths.Rules, "credit-limit.json"), "--author", "a.dupont", "--comment", "2026 limits", "--connection", store.ConnectionString)).Exit.Should().Be(CliApp.Ok);
        // The CLI published with the real clock; the host decides just after it.
        store.Clock.SetUtcNow(TimeProvider.System.GetUtcNow().AddMinutes(1));
        var host = store.StartHost();
        var order = new Core.Credit.CreditCheckInput(30_000m, 60_000m, 50_000m, 20_000m, 0m, 0, "C", 900, 12);
        var decision = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Core.Credit.CreditCheck>(host)
            .DecideAsync("SO-7", order, store.Clock.GetUtcNow(), CancellationToken.None);
        decision.Blocked.Should().BeTrue();
        await store.SaveAsync(decision.Record);

        var (exit, output) = await RunAsync("rules", "explain", "order", "SO-7", "--connection", store.ConnectionString);
        var (noneExit, _) = await RunAsync("rules", "explain", "order", "SO-8", "--connection", store.ConnectionString);

        exit.Should().Be(CliApp.Ok, output);
        output.Should().Contain("credit-limit version 1").And.Contain("a.dupont").And.Contain("2026 limits")
            .And.Contain("WithinCreditLimit: no: Exposure after this order exceeds the credit limit").And.Contain("rule: exposureAfterOrder <= limit")
            .And.Contain("limit = 70000").And.Contain("exposureAfterOrder = 90000");
        noneExit.Should().Be(CliApp.Problems);
    }

    [Fact]
    public async Task Rules_test_fails_when_a_what_if_file_has_no_rule_file()
    {
        await using var store = await RuleStoreFixture.CreateAsync();
        var folder = Path.Combine(store.Folder, "rules");
        Directory.CreateDirectory(Path.Combine(folder, "tests"));
        File.Copy(Path.Combine(RepositoryPaths.Rules, "payment-terms.json"), Path.Combine(folder, "payment-terms.json"));
        File.Copy(Path.Combine(RepositoryPaths.Rules, "tests", "payment-terms.json"), Path.Combine(folder, "tests", "payment-terms.json"));
        File.Copy(Path.Combine(RepositoryPaths.Rules, "tests", "root-cause.json"), Path.Combine(folder, "tests", "root-cause.json"));

        var (exit, output) = await RunAsync("rules", "test", "--rules", folder);

        exit.Should().Be(CliApp.Problems);
        output.Should().Contain("[root-cause]").And.Contain("none of this file's 10 case(s) ran");
    }
}
