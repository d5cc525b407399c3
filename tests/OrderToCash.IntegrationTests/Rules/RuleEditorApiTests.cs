using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderToCash.IntegrationTests.Infrastructure;
using OrderToCash.IntegrationTests.Orders;

namespace OrderToCash.IntegrationTests.Rules;

/// <summary>The rules editor's API: read a version with its cases, check an expression, what-if, publish an edit, diff, roll back.</summary>
public sealed class RuleEditorApiTests : IAsyncLifetime, IDisposable
{
    private const string TypoedTolerance = "check.OldestOverdueDays < toleranceDays";

    private readonly TempDirectory directory = new();
    private readonly TestHost host;
    private readonly HttpClient credit;

    public RuleEditorApiTests()
    {
        host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"), ("Rules:Folder", RepositoryPaths.Rules));
        credit = host.ClientFor("claire");
    }

    private static string Shipped => File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "credit-limit.json"));

    /// <summary>The shipped credit limits with small balances tolerated up to 1,000 EUR instead of 500.</summary>
    private static string Raised => Shipped.Replace("\"Expression\": \"500\"", "\"Expression\": \"1000\"", StringComparison.Ordinal);

    /// <summary>The same edit with a slip: items exactly 30 days overdue are no longer tolerated.</summary>
    private static string RaisedWithSlip => Raised.Replace("check.OldestOverdueDays <= toleranceDays", TypoedTolerance, StringComparison.Ordinal);

    public async Task InitializeAsync()
    {
        // rules/tests/ seeds the cases of the first version; later versions carry them.
        var published = await credit.PostAsJsonAsync(Url("/api/rules/publish"), new
        {
            files = new[] { new { name = "credit-limit.json", content = Shipped } },
            whatIf = new[] { new { name = "credit-limit.json", content = File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "tests", "credit-limit.json")) } },
            comment = "Shipped",
        });
        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_latest_version_comes_with_its_content_and_its_stored_what_if_cases()
    {
        var latest = await GetJsonAsync("/api/rules/credit-limit/latest");

        latest.GetProperty("version").GetInt32().Should().Be(1);
        latest.GetProperty("author").GetString().Should().Be("claire");
        latest.GetProperty("content").GetProperty("WorkflowName").GetString().Should().Be("credit-limit");
        latest.GetProperty("content").GetProperty("Rules").GetArrayLength().Should().Be(5);
        latest.GetProperty("inputs").EnumerateArray().Select(i => i.GetString()).Should().Equal("check");
        var cases = latest.GetProperty("cases").EnumerateArray().ToList();
        cases.Should().HaveCount(14);
        cases.Select(c => c.GetProperty("source").GetString()).Should().AllBe("version 1");
        cases.Should().Contain(c => c.GetProperty("name").GetString() == "Items 30 days overdue are still tolerated"
            && c.GetProperty("expect").GetProperty("NoOldOverdueItems").GetBoolean());
        (await GetJsonAsync("/api/rules/credit-limit/versions/1")).GetProperty("contentHash").GetString().Should().Be(latest.GetProperty("contentHash").GetString());
    }

    [Theory]
    [InlineData("/api/rules/credit-limit/versions/7", "Rule set 'credit-limit' has no version 7.")]
    [InlineData("/api/rules/payment-terms/latest", "Rule set 'payment-terms' has never been published.")]
    [InlineData("/api/rules/no-such-rules/latest", "There is no rule set 'no-such-rules'; known rule sets: control-tower, credit-limit, dispute-routing, escalation, payment-terms, root-cause.")]
    public async Task A_version_that_does_not_exist_is_a_404_saying_why(string url, string message)
    {
        var response = await credit.GetAsync(Url(url));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ProblemAsync(response)).GetProperty("title").GetString().Should().Be(message);
    }

    [Fact]
    public async Task An_expression_using_the_rules_parameters_compiles()
    {
        var check = await PostJsonAsync("/api/rules/check-expression", new { ruleSet = "credit-limit", ruleName = "NoOldOverdueItems", expression = "check.OldestOverdueDays <= toleranceDays && exposureAfterOrder <= limit" });

        check.GetProperty("ok").GetBoolean().Should().BeTrue(check.GetRawText());
        check.GetProperty("scope").EnumerateArray().Select(s => s.GetString()).Should().Equal("check", "limit", "exposureAfterOrder", "toleranceDays", "toleranceAmount");
    }

    [Fact]
    public async Task An_expression_is_evaluated_on_sample_inputs_when_they_are_sent()
    {
        var check = await PostJsonAsync("/api/rules/check-expression", new
        {
            ruleSet = "credit-limit",
            ruleName = "NoOldOverdueItems",
            expression = "check.OldestOverdueDays <= toleranceDays || check.OverdueAmount <= toleranceAmount",
            inputs = new { check = Check(orderAmount: 1_000m, exposure: 0m, overdueAmount: 3_200m, oldestOverdueDays: 45) },
        });

        check.GetProperty("ok").GetBoolean().Should().BeTrue();
        check.GetProperty("value").GetBoolean().Should().BeFalse("3,200 EUR is 45 days overdue");
        check.GetProperty("message").GetString().Should().EndWith("With these inputs it is false.");
    }

    [Fact]
    public async Task Sample_inputs_that_do_not_fit_the_input_model_are_a_400_naming_the_field()
    {
        var response = await credit.PostAsJsonAsync(Url("/api/rules/check-expression"), new { ruleSet = "credit-limit", expression = "check.Exposure > 0", inputs = new { check = new { exposur = 1 } } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).GetProperty("errors").GetProperty("inputs")[0].GetString().Should().Contain("exposur");
    }

    [Fact]
    public async Task A_misspelt_field_is_explained_with_its_position_in_the_expression()
    {
        var check = await PostJsonAsync("/api/rules/check-expression", new { ruleSet = "credit-limit", ruleName = "WithinCreditLimit", expression = "check.Exposur + check.OrderAmount <= limit" });

        check.GetProperty("ok").GetBoolean().Should().BeFalse();
        check.GetProperty("code").GetString().Should().Be("RULE011", "credit-limit declares its inputs: Exposur is not one of them");
        check.GetProperty("message").GetString().Should().StartWith("check has no field 'Exposur' (did you mean 'Exposure'?). The fields of check are: ")
            .And.EndWith("(Rule 'WithinCreditLimit': 'check.Exposur' is not a declared input of 'check' (declared: AccountAgeDays, Exposure, InsurerCover, InternalLimit, OldestOverdueDays, OrderAmount, OverdueAmount, PaidInvoiceCount, RiskClass).)", "the stored version is canonical JSON: its fields sorted");
        check.GetProperty("position").GetInt32().Should().Be(7, "the parser stops at the unknown field after 'check.'");
    }

    [Fact]
    public async Task A_local_parameter_of_another_rule_is_not_in_scope_and_the_editors_text_is_the_context()
    {
        // toleranceDays is a local parameter of NoOldOverdueItems only.
        var elsewhere = await PostJsonAsync("/api/rules/check-expression", new { ruleSet = "credit-limit", ruleName = "RiskClassAccepted", expression = "check.OldestOverdueDays <= toleranceDays" });
        var edited = Shipped.Replace("\"Name\": \"toleranceDays\"", "\"Name\": \"graceDays\"", StringComparison.Ordinal);
        var renamed = await PostJsonAsync("/api/rules/check-expression", new { ruleSet = "credit-limit", ruleName = "NoOldOverdueItems", expression = "check.OldestOverdueDays <= graceDays", content = edited });

        elsewhere.GetProperty("ok").GetBoolean().Should().BeFalse();
        elsewhere.GetProperty("message").GetString().Should().StartWith("'toleranceDays' is neither an input nor a parameter of this rule. Names you can use here: check, limit, exposureAfterOrder.");
        elsewhere.GetProperty("position").GetInt32().Should().Be(28);
        renamed.GetProperty("ok").GetBoolean().Should().BeTrue(renamed.GetRawText());
    }

    [Fact]
    public async Task An_expression_reaching_outside_the_allowed_types_is_refused_by_the_sandbox()
    {
        var check = await PostJsonAsync("/api/rules/check-expression", new { ruleSet = "credit-limit", expression = "check.RiskClass == Environment.MachineName" });

        check.GetProperty("ok").GetBoolean().Should().BeFalse();
        check.GetProperty("code").GetString().Should().BeOneOf("RULE005", "RULE006");
        check.GetProperty("message").GetString().Should().Contain("Environment");
    }

    [Theory]
    [InlineData("""{ "ruleSet": "credit-limit", "expression": "  " }""", "expression", "The expression is empty")]
    [InlineData("""{ "ruleSet": "credit-lim", "expression": "true" }""", "ruleSet", "There is no rule set 'credit-lim'")]
    [InlineData("""{ "expression": "true" }""", "ruleSet", "The rule set name is required")]
    public async Task A_check_without_a_usable_rule_set_or_expression_is_a_400(string body, string field, string message)
    {
        var response = await credit.PostAsync(Url("/api/rules/check-expression"), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).GetProperty("errors").GetProperty(field)[0].GetString().Should().StartWith(message);
    }

    [Fact]
    public async Task What_if_runs_the_candidate_against_the_stored_cases_and_an_ad_hoc_case_without_writing()
    {
        var result = await PostJsonAsync("/api/rules/what-if", new
        {
            content = RaisedWithSlip,
            adHoc = new { check = Check(orderAmount: 25_000m, exposure: 40_000m, overdueAmount: 800m, oldestOverdueDays: 45) },
        });

        result.GetProperty("ruleSet").GetString().Should().Be("credit-limit");
        result.GetProperty("valid").GetBoolean().Should().BeFalse("a what-if case fails");
        result.GetProperty("passed").GetInt32().Should().Be(13);
        var failed = result.GetProperty("cases").EnumerateArray().Where(c => !c.GetProperty("passed").GetBoolean()).Should().ContainSingle().Subject;
        failed.GetProperty("name").GetString().Should().Be("Items 30 days overdue are still tolerated");
        failed.GetProperty("expected").GetProperty("NoOldOverdueItems").GetBoolean().Should().BeTrue();
        failed.GetProperty("actual").GetProperty("NoOldOverdueItems").GetBoolean().Should().BeFalse();
        var adHoc = result.GetProperty("adHoc");
        var rules = adHoc.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r);
        rules["WithinCreditLimit"].GetProperty("success").GetBoolean().Should().BeTrue("65,000 is within 50,000 + 30,000");
        rules["NoOldOverdueItems"].GetProperty("success").GetBoolean().Should().BeTrue("800 EUR overdue is within the raised 1,000 EUR tolerance");
        rules["ReleaseNeedsSecondApprover"].GetProperty("success").GetBoolean().Should().BeFalse();
        rules["ReleaseNeedsSecondApprover"].GetProperty("message").GetString().Should().Be("One approver may release this order.");
        adHoc.GetProperty("outcome").EnumerateArray().Select(o => o.GetString()).Should().Equal("within-limit", "no-old-overdue", "risk-accepted", "new-customer-cap-ok");
        (await GetJsonAsync("/api/rules/credit-limit/latest")).GetProperty("version").GetInt32().Should().Be(1, "what-if writes nothing");
    }

    [Fact]
    public async Task What_if_on_a_candidate_that_does_not_compile_answers_its_diagnostics()
    {
        var result = await PostJsonAsync("/api/rules/what-if", new { content = Shipped.Replace("exposureAfterOrder <= limit", "exposureAfterOrder <= limt", StringComparison.Ordinal) });

        result.GetProperty("valid").GetBoolean().Should().BeFalse();
        result.GetProperty("cases").GetArrayLength().Should().Be(0);
        var diagnostic = result.GetProperty("diagnostics").EnumerateArray().Should().ContainSingle().Subject;
        diagnostic.GetProperty("element").GetString().Should().Be("credit-limit/WithinCreditLimit");
        diagnostic.GetProperty("message").GetString().Should().Contain("limt");
    }

    [Fact]
    public async Task An_ad_hoc_case_with_a_misspelt_field_is_a_400_naming_it()
    {
        var response = await credit.PostAsJsonAsync(Url("/api/rules/what-if"), new { content = Shipped, adHoc = new { check = new { orderAmont = 25_000 } } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).GetProperty("errors").GetProperty("adHoc")[0].GetString().Should().Contain("inputs.check").And.Contain("orderAmont");
    }

    [Fact]
    public async Task Publishing_an_edit_is_refused_while_a_case_fails_and_accepted_once_fixed()
    {
        var refused = await credit.PostAsJsonAsync(Url("/api/rules/credit-limit/versions"), new { content = RaisedWithSlip, comment = "Tolerate 1,000 EUR" });
        var problem = await ProblemAsync(refused);

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("failedCases").EnumerateArray().Select(c => c.GetProperty("caseName").GetString()).Should().Equal("Items 30 days overdue are still tolerated");
        (await GetJsonAsync("/api/rules/credit-limit/latest")).GetProperty("version").GetInt32().Should().Be(1, "a refused publication writes nothing");

        var published = await credit.PostAsJsonAsync(Url("/api/rules/credit-limit/versions"), new { content = Raised, comment = "Tolerate 1,000 EUR" });

        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        published.Headers.Location!.ToString().Should().Be("/api/rules/credit-limit/versions/2");
        var latest = await GetJsonAsync("/api/rules/credit-limit/latest");
        latest.GetProperty("version").GetInt32().Should().Be(2);
        latest.GetProperty("comment").GetString().Should().Be("Tolerate 1,000 EUR");
    }

    [Theory]
    [InlineData("""{ "content": "" }""", "The rule set's JSON (a RulesEngine workflow) is required.")]
    [InlineData("""{ "content": "{ \"WorkflowName\": \"escalation\", \"Rules\": [] }" }""", "The JSON is rule set 'escalation', but it is published as 'credit-limit'")]
    [InlineData("""{ "content": "[]" }""", "The JSON is an array; the editor publishes one rule set")]
    public async Task Publishing_an_edit_that_is_not_this_one_rule_set_is_a_400(string body, string message)
    {
        var response = await credit.PostAsync(Url("/api/rules/credit-limit/versions"), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemAsync(response)).GetProperty("errors").GetProperty("content")[0].GetString().Should().StartWith(message);
    }

    [Fact]
    public async Task The_diff_names_each_changed_rule_and_field_with_its_values()
    {
        await PublishAsync(Raised.Replace("\"RuleName\": \"RiskClassAccepted\"", "\"RuleName\": \"RiskClassAccepted\", \"Enabled\": true", StringComparison.Ordinal)
            .Replace("Risk class D or E: every order goes to the credit manager.", "Risk class D or E: the credit manager decides.", StringComparison.Ordinal));

        var diff = await GetJsonAsync("/api/rules/credit-limit/diff?from=1&to=2");

        var rules = diff.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r);
        rules["WithinCreditLimit"].GetProperty("change").GetString().Should().Be("Unchanged");
        rules["NoOldOverdueItems"].GetProperty("change").GetString().Should().Be("Changed");
        var tolerance = rules["NoOldOverdueItems"].GetProperty("fields").EnumerateArray().Should().ContainSingle().Subject;
        tolerance.GetProperty("field").GetString().Should().Be("LocalParams.toleranceAmount");
        tolerance.GetProperty("before").GetString().Should().Be("500");
        tolerance.GetProperty("after").GetString().Should().Be("1000");
        rules["RiskClassAccepted"].GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetString()).Should().Equal("Enabled", "ErrorMessage");
        diff.GetProperty("globalParams").EnumerateArray().Should().OnlyContain(g => g.GetProperty("change").GetString() == "Unchanged");
    }

    [Fact]
    public async Task The_diff_shows_added_and_removed_rules()
    {
        // The stored cases name RiskClassAccepted, so they are renamed with the rule in the same version.
        var renamed = Shipped.Replace("\"RuleName\": \"RiskClassAccepted\"", "\"RuleName\": \"RiskClassAllowed\"", StringComparison.Ordinal);
        var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "tests", "credit-limit.json")).Replace("RiskClassAccepted", "RiskClassAllowed", StringComparison.Ordinal)).RootElement.GetProperty("cases");
        var published = await credit.PostAsJsonAsync(Url("/api/rules/credit-limit/versions"), new { content = renamed, cases, comment = "Renamed" });
        published.StatusCode.Should().Be(HttpStatusCode.Created);

        var diff = await GetJsonAsync("/api/rules/credit-limit/diff?from=1&to=2");

        var changes = diff.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("change").GetString());
        changes["RiskClassAccepted"].Should().Be("Removed");
        changes["RiskClassAllowed"].Should().Be("Added");
    }

    [Theory]
    [InlineData("/api/rules/credit-limit/diff?from=1", HttpStatusCode.BadRequest)]
    [InlineData("/api/rules/credit-limit/diff?from=1&to=9", HttpStatusCode.NotFound)]
    public async Task A_diff_needs_two_existing_versions(string url, HttpStatusCode status) =>
        (await credit.GetAsync(Url(url))).StatusCode.Should().Be(status);

    [Fact]
    public async Task Rolling_back_publishes_the_older_content_as_a_new_version_by_the_caller()
    {
        await PublishAsync(Raised);

        // Credit rules are rolled back by a credit manager, like any publication of them.
        var rolledBack = await credit.PostAsync(Url("/api/rules/credit-limit/versions/1/rollback"), null);

        rolledBack.StatusCode.Should().Be(HttpStatusCode.Created, await rolledBack.Content.ReadAsStringAsync());
        var latest = await GetJsonAsync("/api/rules/credit-limit/latest");
        latest.GetProperty("version").GetInt32().Should().Be(3);
        latest.GetProperty("author").GetString().Should().Be("claire");
        latest.GetProperty("comment").GetString().Should().Be("rollback to v1");
        latest.GetProperty("contentHash").GetString().Should().Be((await GetJsonAsync("/api/rules/credit-limit/versions/1")).GetProperty("contentHash").GetString());

        var again = await credit.PostAsync(Url("/api/rules/credit-limit/versions/1/rollback"), null);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ProblemAsync(again)).GetProperty("title").GetString().Should().Be("Version 1 of 'credit-limit' has the same rules as the latest version 3: there is nothing to roll back.");
        (await credit.PostAsync(Url("/api/rules/credit-limit/versions/9/rollback"), null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rolling_back_to_a_version_that_fails_todays_cases_is_refused()
    {
        // Version 2 changed the case along with the slip (a deliberate change, with a comment); version 3 restored the case.
        var cases = Cases();
        var withChangedCase = await credit.PostAsJsonAsync(Url("/api/rules/credit-limit/versions"), new
        {
            content = RaisedWithSlip,
            cases = cases.Where(c => c.GetProperty("name").GetString() != "Items 30 days overdue are still tolerated"),
            comment = "30 days overdue no longer tolerated",
        });
        withChangedCase.StatusCode.Should().Be(HttpStatusCode.Created, await withChangedCase.Content.ReadAsStringAsync());
        (await credit.PostAsJsonAsync(Url("/api/rules/credit-limit/versions"), new { content = Raised, cases, comment = "Back to 30 days" })).StatusCode.Should().Be(HttpStatusCode.Created);

        var rolledBack = await credit.PostAsync(Url("/api/rules/credit-limit/versions/2/rollback"), null);

        rolledBack.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ProblemAsync(rolledBack)).GetProperty("failedCases")[0].GetProperty("caseName").GetString().Should().Be("Items 30 days overdue are still tolerated");
        (await GetJsonAsync("/api/rules/credit-limit/latest")).GetProperty("version").GetInt32().Should().Be(3);
    }

    public static TheoryData<string, string> EditorEndpoints => new()
    {
        { "GET", "/api/rules/credit-limit/latest" },
        { "GET", "/api/rules/credit-limit/versions/1" },
        { "GET", "/api/rules/credit-limit/diff?from=1&to=1" },
        { "POST", "/api/rules/check-expression" },
        { "POST", "/api/rules/what-if" },
        { "POST", "/api/rules/credit-limit/versions" },
        { "POST", "/api/rules/credit-limit/versions/1/rollback" },
    };

    [Theory]
    [MemberData(nameof(EditorEndpoints))]
    public async Task The_editor_endpoints_need_a_signed_in_credit_manager_or_process_owner(string method, string url)
    {
        using var anonymous = host.CreateClient();
        using var sales = host.ClientFor("sam");
        using var quality = host.ClientFor("quentin");

        (await SendAsync(anonymous, method, url)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SendAsync(sales, method, url)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        if (method == "POST" && url.Contains("/credit-limit/", StringComparison.Ordinal))
        {
            // Quality edits the root-cause thresholds; the credit rules stay the credit manager's.
            (await SendAsync(quality, method, url)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        (await GetJsonAsync("/api/rules/credit-limit/latest")).GetProperty("version").GetInt32().Should().Be(1);
    }

    private static List<JsonElement> Cases() =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "tests", "credit-limit.json"))).RootElement.GetProperty("cases").EnumerateArray()];

    private static string EightThousandCap => Shipped
        .Replace("{ \"Name\": \"newCustomerCap\", \"Expression\": \"5000\" }", "{ \"Name\": \"newCustomerCap\", \"Expression\": \"8000\" }", StringComparison.Ordinal);

    [Fact]
    public async Task Publishing_content_that_fails_the_stored_cases_through_the_publish_endpoint_is_a_422_naming_the_cases_and_publishes_nothing()
    {
        // The bypass of issue 17: every rule true, with caller-supplied cases, or none.
        var allTrue = JsonNode.Parse(Shipped)!.AsObject();
        foreach (var rule in allTrue["Rules"]!.AsArray())
        {
            rule!["Expression"] = "true";
        }

        var ownCase = new { ruleSet = "credit-limit", cases = new[] { new { name = "Anything passes", inputs = new { check = Check(orderAmount: 1m, exposure: 0m, overdueAmount: 0m, oldestOverdueDays: 0) }, expect = new { WithinCreditLimit = true } } } };
        var withOwnCases = await credit.PostAsJsonAsync(Url("/api/rules/publish"), new
        {
            files = new[] { new { name = "credit-limit.json", content = allTrue.ToJsonString() } },
            whatIf = new[] { new { name = "mine.json", content = JsonSerializer.Serialize(ownCase) } },
        });
        var withoutCases = await credit.PostAsJsonAsync(Url("/api/rules/publish"), new { files = new[] { new { name = "credit-limit.json", content = allTrue.ToJsonString() } } });

        foreach (var response in new[] { withOwnCases, withoutCases })
        {
            response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
            var failed = (await ProblemAsync(response)).GetProperty("failedCases").EnumerateArray().Select(c => c.GetProperty("caseName").GetString()).ToList();
            failed.Should().Contain(["One euro over limit + cover blocks the order", "Risk class D goes to the credit manager", "New customer (2 months) capped at 5,000 EUR"]);
        }

        (await GetJsonAsync("/api/rules/credit-limit/latest")).GetProperty("version").GetInt32().Should().Be(1, "nothing was published");
    }

    [Fact]
    public async Task A_policy_change_is_published_with_the_changed_case_and_its_comment_and_the_next_version_carries_the_cases()
    {
        var refused = await credit.PostAsJsonAsync(Url("/api/rules/credit-limit/versions"), new { content = EightThousandCap, comment = "New-customer cap 5k -> 8k" });
        (await ProblemAsync(refused)).GetProperty("failedCases").EnumerateArray().Select(c => c.GetProperty("caseName").GetString())
            .Should().Equal("New customer (2 months) capped at 5,000 EUR", "Old account with fewer than 3 paid invoices is still new");

        var cases = Cases().Select(c => c.GetProperty("name").GetString() switch
        {
            "New customer (2 months) capped at 5,000 EUR" => JsonSerializer.SerializeToElement(new { name = "New customer (2 months) within the 8,000 EUR cap", inputs = c.GetProperty("inputs"), expect = new { NewCustomerCap = true, WithinCreditLimit = true } }),
            "Old account with fewer than 3 paid invoices is still new" => JsonSerializer.SerializeToElement(new { name = "Old account with fewer than 3 paid invoices is still new", inputs = c.GetProperty("inputs"), expect = new { NewCustomerCap = true } }),
            _ => c,
        }).ToList();
        var withoutComment = await credit.PostAsJsonAsync(Url("/api/rules/credit-limit/versions"), new { content = EightThousandCap, cases });
        var published = await credit.PostAsJsonAsync(Url("/api/rules/credit-limit/versions"), new { content = EightThousandCap, cases, comment = "New-customer cap 5k -> 8k" });

        withoutComment.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        var latest = await GetJsonAsync("/api/rules/credit-limit/latest");
        latest.GetProperty("version").GetInt32().Should().Be(2);
        latest.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Should().Contain("New customer (2 months) within the 8,000 EUR cap")
            .And.NotContain("New customer (2 months) capped at 5,000 EUR");
        var back = await credit.PostAsJsonAsync(Url("/api/rules/credit-limit/versions"), new { content = Shipped, comment = "Back to 5k, cases unchanged" });
        (await ProblemAsync(back)).GetProperty("failedCases").EnumerateArray().Select(c => c.GetProperty("caseName").GetString())
            .Should().Equal(["New customer (2 months) within the 8,000 EUR cap", "Old account with fewer than 3 paid invoices is still new"], "version 2's cases carry over and gate version 3");
    }

    [Fact]
    public async Task Publishing_the_credit_rules_needs_a_credit_manager()
    {
        using var owner = host.ClientFor("olivia");

        var edit = await owner.PostAsJsonAsync(Url("/api/rules/credit-limit/versions"), new { content = Raised, comment = "x" });
        var publish = await owner.PostAsJsonAsync(Url("/api/rules/publish"), new { files = new[] { new { name = "credit-limit.json", content = Raised } } });

        edit.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        publish.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ProblemAsync(publish)).GetProperty("title").GetString().Should().Contain("CreditManager");
        (await GetJsonAsync("/api/rules/credit-limit/latest")).GetProperty("version").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task The_next_order_is_decided_by_the_version_published_from_the_editor()
    {
        using var orders = new OrdersHost();
        await orders.PublishRulesAndWorkflowAsync();
        using var claire = orders.Client("claire");
        var published = await claire.PostAsJsonAsync(Url("/api/rules/credit-limit/versions"), new { content = Raised, comment = "Tolerate 1,000 EUR" });
        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());

        var order = await orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 1m, 100m));

        var read = await orders.OrderAsync(order.GetProperty("number").GetString()!);
        var decision = read.GetProperty("decisions").EnumerateArray().Should().ContainSingle().Subject;
        decision.GetProperty("version").GetProperty("version").GetInt32().Should().Be(2);
        decision.GetProperty("version").GetProperty("comment").GetString().Should().Be("Tolerate 1,000 EUR");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        credit.Dispose();
        host.Dispose();
        directory.Dispose();
    }

    private static Uri Url(string relative) => new(relative, UriKind.Relative);

    private static object Check(decimal orderAmount, decimal exposure, decimal overdueAmount, int oldestOverdueDays) => new
    {
        orderAmount,
        exposure,
        internalLimit = 50_000m,
        insurerCover = 30_000m,
        overdueAmount,
        oldestOverdueDays,
        riskClass = "B",
        accountAgeDays = 900,
        paidInvoiceCount = 40,
    };

    private async Task PublishAsync(string content)
    {
        var published = await credit.PostAsJsonAsync(Url("/api/rules/credit-limit/versions"), new { content });
        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await credit.GetAsync(Url(url));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<JsonElement> PostJsonAsync(string url, object body)
    {
        var response = await credit.PostAsJsonAsync(Url(url), body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url) =>
        method == "GET"
            ? client.GetAsync(Url(url))
            : client.PostAsync(Url(url), new StringContent("""{ "ruleSet": "credit-limit", "expression": "true", "content": "{}" }""", System.Text.Encoding.UTF8, "application/json"));
}
