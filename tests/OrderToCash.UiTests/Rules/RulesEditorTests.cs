using System.Text.Json;
using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Rules;

/// <summary>The rules editor: a credit manager changes a rule, tries it, publishes it, compares and rolls back versions.</summary>
[Collection(UiCollection.Name)]
public sealed class RulesEditorTests(UiFixture ui)
{
    private const string ShippedTolerance = "check.OldestOverdueDays <= toleranceDays || check.OverdueAmount <= toleranceAmount";
    private const string SlippedTolerance = "check.OldestOverdueDays < toleranceDays || check.OverdueAmount <= toleranceAmount";
    private const string ThirtyDaysCase = "Items 30 days overdue are still tolerated";

    [BrowserFact]
    public async Task A_credit_manager_changes_a_credit_limit_rule_sees_a_case_fail_fixes_it_publishes_and_the_next_order_is_decided_by_the_new_version()
    {
        var page = await OpenRulesAsync("credit-limit");
        var before = (await RulesApi.LatestAsync(page, "credit-limit")).GetProperty("version").GetInt32();
        await page.Locator("[data-test=rule-set][data-name=credit-limit]").ClickAsync();
        await page.Locator("[data-test=rule-set-version]").Filter(new() { HasText = $"Version {before} " }).WaitForAsync();
        var rule = Rule(page, "NoOldOverdueItems");
        (await rule.Locator("[data-test=expression]").InputValueAsync()).Should().Be(ShippedTolerance);
        await page.ScreenshotAsync("rules-editor");

        // Small balances tolerated up to 1,000 EUR instead of 500, and a slip in the day comparison.
        await rule.Locator("[data-test=param][data-param=toleranceAmount] [data-test=param-expression]").FillAsync("1000");
        await rule.Locator("[data-test=expression]").FillAsync(SlippedTolerance);

        await Summary(page).Filter(new() { HasText = "1 of 14 what-if cases fail: publishing is refused until they pass." }).WaitForAsync();
        var failed = page.Locator("[data-test=case][data-passed=false]");
        (await failed.CountAsync()).Should().Be(1);
        (await failed.GetAttributeAsync("data-case")).Should().Be(ThirtyDaysCase);
        (await failed.TextContentAsync()).Should().Contain("rule 'NoOldOverdueItems': expected success, got failure");
        (await Publish(page).IsDisabledAsync()).Should().BeTrue();
        (await page.Locator("[data-test=publish-hint]").TextContentAsync()).Should().Be("Publishing is refused while what-if cases fail (see What-if).");
        await failed.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        await page.ScreenshotAsync("rules-what-if-failing");

        await rule.Locator("[data-test=expression]").FillAsync(ShippedTolerance);
        await Summary(page).Filter(new() { HasText = "All 14 what-if cases pass: the rule set can be published." }).WaitForAsync();

        // Before publishing, an ad-hoc case: 800 EUR overdue for 45 days is now a small balance.
        await page.Locator("[data-test=ad-hoc-input]").FillAsync("""
            { "check": { "orderAmount": 25000, "exposure": 40000, "internalLimit": 50000, "insurerCover": 30000, "overdueAmount": 800,
                         "oldestOverdueDays": 45, "riskClass": "B", "accountAgeDays": 900, "paidInvoiceCount": 40 } }
            """);
        await page.Locator("[data-test=try-ad-hoc]").ClickAsync();
        await page.Locator("[data-test=ad-hoc-rule][data-rule=NoOldOverdueItems][data-success=true]").WaitForAsync();
        (await page.Locator("[data-test=ad-hoc-outcome]").TextContentAsync()).Should().Be("Outcome: within-limit, no-old-overdue, risk-accepted, new-customer-cap-ok");
        await page.Locator("[data-test=ad-hoc-result]").EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        await page.ScreenshotAsync("rules-what-if-passing");

        await page.Locator("[data-test=publish-comment]").FillAsync("Tolerate small balances up to 1,000 EUR");
        await Publish(page).ClickAsync();

        var published = before + 1;
        await Status(page).Filter(new() { HasText = $"Published credit-limit version {published}." }).WaitForAsync();
        await page.Locator("[data-test=rule-set-version]").Filter(new() { HasText = $"Version {published} " }).WaitForAsync();
        var order = await RulesApi.PlaceOrderAsync(ui.Host, "C-0001", 100m);
        var read = await RulesApi.OrderAsync(ui.Host, order.GetProperty("number").GetString()!);
        var decision = read.GetProperty("decisions").EnumerateArray().Should().ContainSingle().Subject;
        decision.GetProperty("version").GetProperty("version").GetInt32().Should().Be(published, "the order is decided by the version just published");
        decision.GetProperty("version").GetProperty("comment").GetString().Should().Be("Tolerate small balances up to 1,000 EUR");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task An_expression_error_is_explained_as_you_type_and_the_json_view_edits_the_same_rules()
    {
        var page = await OpenRulesAsync("credit-limit");
        await page.Locator("[data-test=rule-set][data-name=credit-limit]").ClickAsync();
        var expression = Rule(page, "WithinCreditLimit").Locator("[data-test=expression]");
        var check = Rule(page, "WithinCreditLimit").Locator("[data-test=expression-check]");

        await expression.ClearAsync();
        await expression.PressSequentiallyAsync("exposureAfterOrder <= limt", new() { Delay = 20 });

        await check.Filter(new() { HasText = "At character 23: 'limt' is neither an input nor a parameter of this rule (did you mean 'limit'?)." }).WaitForAsync();
        (await check.GetAttributeAsync("data-kind")).Should().Be("error");
        (await expression.GetAttributeAsync("aria-invalid")).Should().Be("true");
        await expression.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        await page.ScreenshotAsync("rules-expression-error");

        await expression.PressAsync("Backspace");
        await expression.PressSequentiallyAsync("it");

        await check.Filter(new() { HasText = "The expression compiles and uses only allowed types." }).WaitForAsync();
        (await expression.GetAttributeAsync("aria-invalid")).Should().Be("false");

        await page.Locator("[data-test=view-json]").ClickAsync();
        var json = page.Locator("[data-test=rule-json]");
        (await json.InputValueAsync()).Should().Contain("\"Expression\": \"exposureAfterOrder <= limit\"");
        var text = (await json.InputValueAsync()).Replace(
            "Exposure after this order exceeds the credit limit (internal limit + credit-insurer cover).",
            "Exposure after this order exceeds the limit.",
            StringComparison.Ordinal);
        await json.FillAsync(text);
        await page.Locator("[data-test=view-form]").ClickAsync();

        (await Rule(page, "WithinCreditLimit").Locator("[data-test=error-message]").InputValueAsync()).Should().Be("Exposure after this order exceeds the limit.");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task Two_versions_are_compared_rule_by_rule_and_an_older_one_is_rolled_back()
    {
        var page = await OpenRulesAsync("payment-terms");
        var shipped = (await RulesApi.LatestAsync(page, "payment-terms")).GetProperty("version").GetInt32();
        const string Clearer = "Agreed terms: at most 60 days from the invoice date (L441-10 I).";
        var edited = RulesApi.Shipped("payment-terms").Replace(
            "Agreed terms may not exceed 60 days from the invoice date (L441-10 I, 2nd paragraph).", Clearer, StringComparison.Ordinal);
        var response = await page.APIRequest.PostAsync("/api/rules/payment-terms/versions", new() { DataObject = new { content = edited, comment = "Shorter message" } });
        response.Status.Should().Be(201, await response.TextAsync());
        var latest = shipped + 1;
        await page.ReloadAsync();
        await page.Locator("#rules-workspace[aria-busy=false]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-test=rule-set][data-name=payment-terms]").ClickAsync();
        await page.Locator($"[data-test=version][data-version='{latest}']").WaitForAsync();

        (await page.Locator($"[data-test=version][data-version='{shipped}'] [data-test=from-version]").IsCheckedAsync()).Should().BeTrue();
        (await page.Locator($"[data-test=version][data-version='{latest}'] [data-test=to-version]").IsCheckedAsync()).Should().BeTrue();
        await page.Locator("[data-test=compare]").ClickAsync();

        var changed = page.Locator("[data-test=diff-item][data-name=AgreedTermWithin60DaysOfInvoice]");
        await changed.WaitForAsync();
        (await changed.GetAttributeAsync("data-change")).Should().Be("Changed");
        (await page.Locator("[data-test=diff-item]").CountAsync()).Should().Be(1, "only one rule changed");
        var field = changed.Locator("[data-test=diff-field][data-field=ErrorMessage]");
        (await field.Locator(".before").TextContentAsync()).Should().Be("Agreed terms may not exceed 60 days from the invoice date (L441-10 I, 2nd paragraph).");
        (await field.Locator(".after").TextContentAsync()).Should().Be(Clearer);
        (await page.Locator("[data-test=diff-unchanged]").TextContentAsync()).Should().Contain("KnownTermBasis");
        await page.Locator("[data-test=diff]").EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        await page.ScreenshotAsync("rules-diff");

        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Roll back to version {shipped}" }).ClickAsync();

        await Status(page).Filter(new() { HasText = $"Rolled back: version {latest + 1} has the rules of version {shipped}." }).WaitForAsync();
        var rolledBack = await RulesApi.LatestAsync(page, "payment-terms");
        rolledBack.GetProperty("version").GetInt32().Should().Be(latest + 1);
        rolledBack.GetProperty("author").GetString().Should().Be(UiUsers.CreditManager);
        rolledBack.GetProperty("comment").GetString().Should().Be($"rollback to v{shipped}");
        (await Rule(page, "AgreedTermWithin60DaysOfInvoice").Locator("[data-test=error-message]").InputValueAsync())
            .Should().Be("Agreed terms may not exceed 60 days from the invoice date (L441-10 I, 2nd paragraph).");
        await page.ScreenshotAsync("rules-rolled-back");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task A_credit_manager_raises_the_new_customer_cap_to_8000_edits_the_cases_it_breaks_publishes_both_and_a_7000_order_of_a_new_customer_is_accepted()
    {
        var page = await OpenRulesAsync("credit-limit");
        await RulesApi.PublishCycleWorkflowsAsync(ui.Host);
        await RulesApi.PublishShippedAsync(page, "payment-terms");
        var customer = await RulesApi.CreateNewCustomerAsync(ui.Host, "C-0300", creditLimit: 20_000m);
        var before = (await RulesApi.LatestAsync(page, "credit-limit")).GetProperty("version").GetInt32();
        (await RulesApi.PlaceOrderAsync(ui.Host, customer, 5_833.33m)).GetProperty("status").GetString().Should().Be("CreditBlocked", "7,000 EUR is over the 5,000 EUR cap of a new customer");

        await page.Locator("[data-test=rule-set][data-name=credit-limit]").ClickAsync();
        await Rule(page, "NewCustomerCap").Locator("[data-test=param][data-param=newCustomerCap] [data-test=param-expression]").FillAsync("8000");

        // The cases that said "capped at 5,000" now fail: publishing is refused until they say what the new policy does.
        await Summary(page).Filter(new() { HasText = "2 of 14 what-if cases fail" }).WaitForAsync();
        var failing = page.Locator("[data-test=case][data-passed=false]");
        (await failing.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.case)")).Should().BeEquivalentTo(BrokenByTheCap);
        (await Publish(page).IsDisabledAsync()).Should().BeTrue();
        await page.ScreenshotAsync("rules-cases-failing");

        foreach (var name in BrokenByTheCap)
        {
            await page.Locator($"[data-test=stored-case][data-case=\"{name}\"] [data-test=case-edit]").ClickAsync();
            await page.Locator("[data-test=case-expect][data-rule=NewCustomerCap]").SelectOptionAsync("true");
            await page.Locator("[data-test=case-save]").ClickAsync();
        }

        await Summary(page).Filter(new() { HasText = "All 14 what-if cases pass" }).WaitForAsync();
        (await page.Locator("[data-test=publish-hint]").TextContentAsync()).Should().Be("The cases changed: say why in the comment before publishing.");
        await page.Locator("[data-test=publish-comment]").FillAsync("New customers capped at 8,000 EUR (credit committee of 7 December)");
        await page.Locator("[data-test=publish]:not([disabled])").WaitForAsync();
        await Publish(page).ClickAsync();
        var published = before + 1;
        await Status(page).Filter(new() { HasText = $"Published credit-limit version {published}." }).WaitForAsync();

        (await RulesApi.PlaceOrderAsync(ui.Host, customer, 5_833.33m)).GetProperty("status").GetString().Should().Be("Accepted", "the new cap is in force");

        await page.Locator($"[data-test=from-version][value=\"{before}\"]").CheckAsync();
        await page.Locator($"[data-test=to-version][value=\"{published}\"]").CheckAsync();
        await page.Locator("[data-test=compare]").ClickAsync();
        var rule = page.Locator("[data-test=diff-item][data-name=NewCustomerCap][data-change=Changed]");
        (await rule.Locator("[data-test=diff-field][data-field=\"LocalParams.newCustomerCap\"]").TextContentAsync()).Should().Contain("5000").And.Contain("8000");
        foreach (var name in BrokenByTheCap)
        {
            var changed = page.Locator($"[data-test=diff-item][data-name=\"{name}\"][data-change=Changed]");
            (await changed.Locator("[data-test=diff-field][data-field=\"expect.NewCustomerCap\"]").TextContentAsync()).Should().Contain("false").And.Contain("true");
        }

        await rule.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        await page.ScreenshotAsync("rules-cases-diff");
        await RulesApi.RestoreShippedAsync(page, "credit-limit");
        page.ShouldHaveNoScriptErrors();
    }

    private static readonly string[] BrokenByTheCap = ["New customer (2 months) capped at 5,000 EUR", "Old account with fewer than 3 paid invoices is still new"];

    [BrowserFact]
    public async Task Before_publishing_a_higher_new_customer_cap_the_credit_manager_replays_past_orders_and_sees_the_blocked_one_it_would_release()
    {
        var page = await OpenRulesAsync("credit-limit");
        // Atelier Lefèvre opened its account 4 months ago: a new customer, capped at 5,000 EUR by the shipped rules.
        await RulesApi.PublishCycleWorkflowsAsync(ui.Host);
        var order = await RulesApi.PlaceOrderAsync(ui.Host, "C-0003", 5_500m);
        order.GetProperty("status").GetString().Should().Be("CreditBlocked", order.ToString());
        var number = order.GetProperty("number").GetString()!;

        await page.Locator("[data-test=rule-set][data-name=credit-limit]").ClickAsync();
        await Rule(page, "NewCustomerCap").Locator("[data-test=param][data-param=newCustomerCap] [data-test=param-expression]").FillAsync("8000");
        await page.Locator("[data-test=run-backtest]").ClickAsync();

        var released = page.Locator("[data-test=backtest-change][data-direction=released]").Filter(new() { HasText = number });
        await released.WaitForAsync();
        (await released.TextContentAsync()).Should().Contain("blocked by NewCustomerCap").And.Contain("passes [new-customer-cap-ok");
        (await page.Locator("[data-test=backtest-summary]").TextContentAsync()).Should().NotBeNullOrWhiteSpace();
        await released.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        await page.ScreenshotAsync("rules-backtest");
        (await RulesApi.LatestAsync(page, "credit-limit")).GetProperty("content").GetRawText().Should().NotContain("8000", "a back-test publishes nothing");
        page.ShouldHaveNoScriptErrors();
    }

    private async Task<IPage> OpenRulesAsync(string ruleSet)
    {
        var page = await ui.NewPageAsync();
        await page.OpenSignedInAsync("/rules", UiUsers.CreditManager);
        await RulesApi.PublishShippedAsync(page, ruleSet);
        // The list is read when the page starts: load it again now that the rule set is published.
        await page.ReloadAsync();
        await page.Locator("#rules-workspace[aria-busy=false]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    private static ILocator Rule(IPage page, string name) => page.Locator($"[data-test=rule][data-rule={name}]");

    private static ILocator Summary(IPage page) => page.Locator("[data-test=what-if-summary]");

    private static ILocator Status(IPage page) => page.Locator("[data-test=editor-status]");

    private static ILocator Publish(IPage page) => page.Locator("[data-test=publish]");
}
