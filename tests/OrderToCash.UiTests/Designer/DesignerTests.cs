using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderToCash.Host.Features.Catalog;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Designer;

[Collection(UiCollection.Name)]
public sealed class DesignerTests(UiFixture ui)
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace O2c = "https://ordertocash.dev/schema/bpmn";

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [BrowserFact]
    public async Task A_process_owner_gets_a_new_diagram_on_the_canvas_with_the_bpmn_io_watermark_visible()
    {
        var page = await ui.NewPageAsync();
        await page.OpenSignedInAsync("/designer", UiUsers.ProcessOwner);

        await page.Locator(".djs-container svg").First.WaitForAsync();
        await page.Locator("g.djs-element[data-element-id='StartEvent_1']").WaitForAsync();
        var watermark = page.Locator(".bjs-powered-by");
        (await watermark.IsVisibleAsync()).Should().BeTrue("the bpmn.io licence requires its watermark to stay visible");
        var mark = (await watermark.BoundingBoxAsync())!;
        var canvas = (await page.Locator("#canvas").BoundingBoxAsync())!;
        mark.X.Should().BeGreaterThanOrEqualTo(canvas.X);
        (mark.X + mark.Width).Should().BeLessThanOrEqualTo(canvas.X + canvas.Width, "the properties panel must not cover the watermark");
        (mark.Y + mark.Height).Should().BeLessThanOrEqualTo(canvas.Y + canvas.Height);
        (await page.Locator("[data-test=document-name]").TextContentAsync()).Should().Be("New diagram");
        await page.ScreenshotAsync("designer-new");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task Opening_a_bpmn_file_renders_its_elements_and_shows_our_attributes_in_the_panel()
    {
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);

        await page.Locator("#open-file").SetInputFilesAsync(Fixture("credit-check.bpmn"));

        await page.Locator("#designer-status").Filter(new() { HasText = "Opened “credit-check.bpmn”." }).WaitForAsync();
        foreach (var id in new[] { "OrderReceived", "CheckCreditLimit", "ReviewBlockedOrder", "IssueInvoice", "PaymentReceived", "Paid", "Flow_3" })
        {
            (await page.Locator($"g.djs-element[data-element-id='{id}']").CountAsync()).Should().Be(1, $"{id} is in the file");
        }

        await ClickElementAsync(page, "ReviewBlockedOrder");
        (await page.Locator("[data-test=panel-type]").TextContentAsync()).Should().Be("User task");
        (await page.GetByLabel("Who does it").InputValueAsync()).Should().Be("CreditManager");
        (await page.GetByLabel("Due").InputValueAsync()).Should().Be("P2D");

        await ClickElementAsync(page, "CheckCreditLimit");
        // The host's catalog knows the shipped rule sets: the file's value is shown as the catalog's entry.
        (await page.GetByLabel("Rule set").InputValueAsync()).Should().Be("credit-limit");
        (await page.GetByLabel("Rule set").Locator("option:checked").TextContentAsync()).Should().Be("Credit limit (credit-limit)", "the host's catalog offers the product's rule sets");
        await page.ScreenshotAsync("designer-credit-check");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task A_rule_set_the_catalog_does_not_know_is_kept_and_marked()
    {
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);
        var xml = File.ReadAllText(Fixture("credit-check.bpmn")).Replace("o2c:ruleSet=\"credit-limit\"", "o2c:ruleSet=\"retired-limits\"", StringComparison.Ordinal);

        await page.Locator("#open-file").SetInputFilesAsync(new FilePayload { Name = "retired.bpmn", MimeType = "application/xml", Buffer = System.Text.Encoding.UTF8.GetBytes(xml) });
        await page.Locator("#designer-status").Filter(new() { HasText = "Opened “retired.bpmn”." }).WaitForAsync();
        await ClickElementAsync(page, "CheckCreditLimit");

        (await page.GetByLabel("Rule set").InputValueAsync()).Should().Be("retired-limits");
        (await page.GetByLabel("Rule set").Locator("option:checked").TextContentAsync()).Should().Be("retired-limits (not in the catalog)");
    }

    [BrowserFact(Conformance = "miwg-reference")]
    public async Task A_diagram_from_another_modeller_opens()
    {
        var file = SharedConformanceFile("miwg-reference", "C.1.0.bpmn");
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);

        await page.Locator("#open-file").SetInputFilesAsync(file);

        await page.Locator("#designer-status").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Opened “C\\.1\\.0\\.bpmn”") }).WaitForAsync();
        var shapes = await page.Locator("g.djs-element.djs-shape").CountAsync();
        var expected = XDocument.Load(file).Descendants().Count(e => e.Name.LocalName == "BPMNShape");
        shapes.Should().BeGreaterThanOrEqualTo(expected, "every shape of the file is drawn");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task The_shipped_cycle_with_its_retry_attribute_opens_without_warnings()
    {
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);

        await page.Locator("#open-file").SetInputFilesAsync(Path.Combine(RepositoryPaths.Root, "workflows", "order-to-cash.bpmn"));

        var status = page.Locator("#designer-status").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Opened “order-to-cash\\.bpmn”") });
        await status.WaitForAsync();
        (await status.TextContentAsync()).Should().NotContain("warning", "o2c:retries is part of our moddle extension").And.NotContain("[object Object]");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task A_file_that_is_not_bpmn_is_refused_with_a_message_and_the_diagram_stays()
    {
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);

        await page.Locator("#open-file").SetInputFilesAsync(new FilePayload { Name = "notes.bpmn", MimeType = "application/xml", Buffer = "this is not XML"u8.ToArray() });

        var status = page.Locator("#designer-status[data-kind=error]");
        await status.WaitForAsync();
        (await status.TextContentAsync()).Should().StartWith("“notes.bpmn” could not be opened: it is not a BPMN 2.0 diagram");
        (await page.Locator("g.djs-element[data-element-id='StartEvent_1']").CountAsync()).Should().Be(1);
    }

    [BrowserFact]
    public async Task A_handler_chosen_from_the_catalog_drop_down_is_in_the_downloaded_bpmn()
    {
        var handler = "test.send-invoice-" + Guid.NewGuid().ToString("N")[..8];
        ui.Host.Services.GetRequiredService<ProcessCatalog>().AddHandler(handler, "Send the invoice", ["invoiceId"], ["sentAt"]);
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);
        await OpenFixtureAsync(page);
        await ClickElementAsync(page, "IssueInvoice");

        await page.GetByLabel("Handler", new() { Exact = true }).SelectOptionAsync(handler);

        (await page.Locator("[data-test=handler-facts]").TextContentAsync()).Should().Contain("invoiceId").And.Contain("sentAt");
        var task = (await DownloadBpmnAsync(page)).Descendants(Bpmn + "serviceTask").Single(e => (string?)e.Attribute("id") == "IssueInvoice");
        ((string?)task.Attribute(O2c + "handler")).Should().Be(handler);
        task.Element(Bpmn + "extensionElements")!.Element(O2c + "input")!.Attribute("expression")!.Value.Should().Be("orderAmount", "existing mappings survive");
        await page.ScreenshotAsync("designer-handler");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task A_process_drawn_from_the_context_pad_with_a_service_task_bound_to_a_handler_is_downloaded_connected()
    {
        var handler = "test.reserve-stock-" + Guid.NewGuid().ToString("N")[..8];
        ui.Host.Services.GetRequiredService<ProcessCatalog>().AddHandler(handler, "Reserve the ordered stock", ["orderId"], ["reservationId"]);
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);

        await ClickElementAsync(page, "StartEvent_1");
        await page.Locator(".djs-context-pad .entry[data-action='append.append-task']").ClickAsync();
        await page.Keyboard.TypeAsync("Reserve stock");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".djs-context-pad .entry[data-action='replace']").ClickAsync();
        await page.Locator(".djs-popup [data-id='replace-with-service-task']").ClickAsync();
        await page.Locator("[data-test=panel-type]").Filter(new() { HasText = "Service task" }).WaitForAsync();
        await page.GetByLabel("Handler", new() { Exact = true }).SelectOptionAsync(handler);
        await page.Locator(".djs-context-pad .entry[data-action='append.end-event']").ClickAsync();
        await page.Keyboard.PressAsync("Escape");

        var process = (await DownloadBpmnAsync(page)).Descendants(Bpmn + "process").Single();
        var task = process.Element(Bpmn + "serviceTask")!;
        ((string?)task.Attribute("name")).Should().Be("Reserve stock");
        ((string?)task.Attribute(O2c + "handler")).Should().Be(handler);
        var end = process.Element(Bpmn + "endEvent")!;
        process.Elements(Bpmn + "sequenceFlow").Select(f => ((string?)f.Attribute("sourceRef"), (string?)f.Attribute("targetRef")))
            .Should().BeEquivalentTo([("StartEvent_1", (string?)task.Attribute("id")), ((string?)task.Attribute("id"), (string?)end.Attribute("id"))]);
        await page.ScreenshotAsync("designer-drawn");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task A_user_task_role_person_due_date_and_output_set_in_the_panel_are_in_the_downloaded_bpmn()
    {
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);
        await OpenFixtureAsync(page);
        await ClickElementAsync(page, "ReviewBlockedOrder");

        await page.GetByLabel("Who does it").SelectOptionAsync("SalesAdministration");
        await page.GetByLabel("Due").FillAsync("PT4H");
        await page.GetByLabel("Due").PressAsync("Enter");
        await page.GetByLabel("Or this person").FillAsync("salesperson");
        await page.GetByLabel("Or this person").PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add output" }).ClickAsync();
        await page.GetByLabel("Name of output 1").FillAsync("approved");
        await page.GetByLabel("Name of output 1").PressAsync("Tab");
        await page.GetByLabel("Expression of output 1").FillAsync("decision == \"release\"");
        await page.GetByLabel("Expression of output 1").PressAsync("Tab");

        var task = (await DownloadBpmnAsync(page)).Descendants(Bpmn + "userTask").Single();
        ((string?)task.Attribute(O2c + "candidateRole")).Should().Be("SalesAdministration");
        ((string?)task.Attribute(O2c + "dueDate")).Should().Be("PT4H");
        ((string?)task.Attribute(O2c + "assignee")).Should().Be("salesperson");
        var output = task.Element(Bpmn + "extensionElements")!.Element(O2c + "output")!;
        ((string?)output.Attribute("name")).Should().Be("approved");
        ((string?)output.Attribute("expression")).Should().Be("decision == \"release\"");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task Message_call_activity_repetition_and_process_variables_set_in_the_panel_are_in_the_downloaded_bpmn()
    {
        var message = "PaymentReceived-" + Guid.NewGuid().ToString("N")[..8];
        ui.Host.Services.GetRequiredService<ProcessCatalog>().AddMessage(message, "A payment arrived from the bank");
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);
        await OpenFixtureAsync(page);

        await ClickElementAsync(page, "PaymentReceived");
        (await page.Locator("[data-test=panel-type]").TextContentAsync()).Should().Be("Intermediate catch message event");
        await page.GetByLabel("Message", new() { Exact = true }).SelectOptionAsync(message);
        await CommitAsync(page.GetByLabel("Correlation key"), "invoice.Id");

        await ClickElementAsync(page, "SettleInvoices");
        await page.GetByLabel("Version", new() { Exact = true }).SelectOptionAsync("version");
        await CommitAsync(page.GetByLabel("Version number"), "3");
        await CommitAsync(page.GetByLabel("Collection"), "paidInvoices");
        await CommitAsync(page.GetByLabel("Item variable"), "invoice");

        var canvas = (await page.Locator("#canvas").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(canvas.X + canvas.Width - 150, canvas.Y + 60);
        await page.Locator("[data-test=element-id]").Filter(new() { HasText = "CreditCheck" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add variable" }).ClickAsync();
        await CommitAsync(page.GetByLabel("Name of variable 2"), "customerId");
        await page.GetByLabel("Type of variable 2").SelectOptionAsync("string");

        var xml = await DownloadBpmnAsync(page);
        var catchEvent = xml.Descendants(Bpmn + "intermediateCatchEvent").Single();
        ((string?)catchEvent.Attribute(O2c + "messageName")).Should().Be(message);
        ((string?)catchEvent.Attribute(O2c + "correlationKey")).Should().Be("invoice.Id");
        var call = xml.Descendants(Bpmn + "callActivity").Single();
        ((string?)call.Attribute(O2c + "versionBinding")).Should().Be("version");
        ((string?)call.Attribute(O2c + "version")).Should().Be("3");
        var loop = call.Element(Bpmn + "multiInstanceLoopCharacteristics")!;
        ((string?)loop.Attribute(O2c + "collection")).Should().Be("paidInvoices");
        ((string?)loop.Attribute(O2c + "elementVariable")).Should().Be("invoice");
        xml.Descendants(Bpmn + "process").Single().Element(Bpmn + "extensionElements")!.Elements(O2c + "variable")
            .Select(v => ((string?)v.Attribute("name"), (string?)v.Attribute("type")))
            .Should().Equal(("orderAmount", "decimal"), ("customerId", "string"));
        await page.ScreenshotAsync("designer-process-variables");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task The_values_a_string_variable_takes_set_in_the_panel_are_in_the_downloaded_bpmn_and_removed_when_emptied()
    {
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);
        await OpenFixtureAsync(page);
        var canvas = (await page.Locator("#canvas").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(canvas.X + canvas.Width - 150, canvas.Y + 60);
        await page.Locator("[data-test=element-id]").Filter(new() { HasText = "CreditCheck" }).WaitForAsync();

        (await page.GetByLabel("Values of variable 1").CountAsync()).Should().Be(0, "orderAmount is a decimal: only a string variable takes a list of values");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add variable" }).ClickAsync();
        await CommitAsync(page.GetByLabel("Name of variable 2"), "decision");
        await page.GetByLabel("Type of variable 2").SelectOptionAsync("string");
        var values = page.GetByLabel("Values of variable 2");
        (await values.GetAttributeAsync("placeholder")).Should().Be("Values (comma-separated)");
        (await values.GetAttributeAsync("data-field")).Should().Be("variables-1-values");
        await CommitAsync(values, " release, hold ,, refuse ");

        (await page.GetByLabel("Values of variable 2").InputValueAsync()).Should().Be("release,hold,refuse", "the panel shows what it wrote");
        var variable = Variable(await DownloadBpmnAsync(page), "decision");
        ((string?)variable.Attribute("type"), (string?)variable.Attribute("values")).Should().Be(("string", "release,hold,refuse"));

        await CommitAsync(page.GetByLabel("Values of variable 2"), " ");
        Variable(await DownloadBpmnAsync(page), "decision").Attribute("values").Should().BeNull("an empty list removes the attribute");
        await page.ScreenshotAsync("designer-variable-values");
        page.ShouldHaveNoScriptErrors();

        static XElement Variable(XDocument xml, string name) =>
            xml.Descendants(Bpmn + "process").Single().Element(Bpmn + "extensionElements")!.Elements(O2c + "variable").Single(v => (string?)v.Attribute("name") == name);
    }

    [BrowserFact]
    public async Task Undo_takes_back_a_change_made_in_the_panel()
    {
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);
        await OpenFixtureAsync(page);
        await ClickElementAsync(page, "ReviewBlockedOrder");
        await page.GetByLabel("Who does it").SelectOptionAsync("Collector");

        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();

        (await page.GetByLabel("Who does it").InputValueAsync()).Should().Be("CreditManager");
        var task = (await DownloadBpmnAsync(page)).Descendants(Bpmn + "userTask").Single();
        ((string?)task.Attribute(O2c + "candidateRole")).Should().Be("CreditManager");
    }

    [BrowserFact]
    public async Task New_asks_before_discarding_unsaved_changes_and_keeps_them_when_the_user_says_no()
    {
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);
        await OpenFixtureAsync(page);
        await ClickElementAsync(page, "IssueInvoice");
        await CommitAsync(page.GetByLabel("Name", new() { Exact = true }), "Issue the invoice");
        (await page.Locator("[data-test=document-name]").TextContentAsync()).Should().Be("credit-check.bpmn — unsaved changes");

        var answers = new Queue<bool>([false, true]);
        var questions = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            questions.Add(dialog.Message);
            await (answers.Dequeue() ? dialog.AcceptAsync() : dialog.DismissAsync());
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "New", Exact = true }).ClickAsync();
        (await page.Locator("g.djs-element[data-element-id='IssueInvoice']").CountAsync()).Should().Be(1, "the user chose to keep the changes");

        await page.GetByRole(AriaRole.Button, new() { Name = "New", Exact = true }).ClickAsync();
        await page.Locator("[data-test=document-name]").Filter(new() { HasText = "New diagram" }).WaitForAsync();

        questions.Should().Equal("Discard the unsaved changes to “credit-check.bpmn”?", "Discard the unsaved changes to “credit-check.bpmn”?");
        (await page.Locator("g.djs-element[data-element-id='IssueInvoice']").CountAsync()).Should().Be(0);
    }

    [BrowserFact]
    public async Task On_a_phone_the_properties_panel_comes_under_the_canvas_and_the_watermark_stays_visible()
    {
        var page = await ui.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);

        await OpenDesignerAsync(page);
        await ClickElementAsync(page, "StartEvent_1");

        var canvas = (await page.Locator("#canvas").BoundingBoxAsync())!;
        var panel = (await page.Locator("#properties").BoundingBoxAsync())!;
        panel.Y.Should().BeGreaterThanOrEqualTo(canvas.Y + canvas.Height - 1, "the panel is stacked under the canvas");
        panel.Width.Should().BeApproximately(canvas.Width, 2);
        (await page.Locator(".bjs-powered-by").IsVisibleAsync()).Should().BeTrue();
        await page.ScreenshotAsync("designer-phone");
    }

    [BrowserFact]
    public async Task A_credit_manager_opening_the_designer_is_told_it_is_not_allowed()
    {
        var page = await ui.NewPageAsync();
        await page.OpenSignedInAsync("/designer", UiUsers.CreditManager);

        var notice = page.Locator("[data-test=not-allowed]");
        await notice.WaitForAsync();
        (await notice.GetByRole(AriaRole.Heading).TextContentAsync()).Should().Be("Not allowed");
        (await notice.TextContentAsync()).Should().Contain("process owner role");
        (await page.Locator(".djs-container").CountAsync()).Should().Be(0, "no modeler starts for a user without the role");
        await page.ScreenshotAsync("designer-not-allowed");
    }

    /// <summary>Signs in as a process owner on /designer and waits until the designer has started (new diagram shown).</summary>
    private static async Task OpenDesignerAsync(IPage page)
    {
        await page.OpenSignedInAsync("/designer", UiUsers.ProcessOwner);
        await page.Locator("#designer-workspace[aria-busy=false]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static async Task OpenFixtureAsync(IPage page)
    {
        await page.Locator("#open-file").SetInputFilesAsync(Fixture("credit-check.bpmn"));
        await page.Locator("#designer-status").Filter(new() { HasText = "Opened “credit-check.bpmn”." }).WaitForAsync();
    }

    private static async Task ClickElementAsync(IPage page, string id)
    {
        await page.Locator($"g.djs-element[data-element-id='{id}']").ClickAsync();
        await page.Locator("[data-test=element-id]").Filter(new() { HasText = id }).WaitForAsync();
    }

    /// <summary>Types into a text field and leaves it, which is when the panel writes the value.</summary>
    private static async Task CommitAsync(ILocator field, string value)
    {
        await field.FillAsync(value);
        await field.PressAsync("Enter");
    }

    private static async Task<XDocument> DownloadBpmnAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download BPMN" }).ClickAsync());
        download.SuggestedFilename.Should().EndWith(".bpmn");
        using var reader = XmlReader.Create(await download.PathAsync(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XDocument.Load(reader);
    }

    /// <summary>A file of ../shared/conformance beside the repository (see <see cref="SharedConformance"/>).</summary>
    private static string SharedConformanceFile(string folder, string name)
    {
        var path = Path.Combine(SharedConformance.Folder(folder), name);
        File.Exists(path).Should().BeTrue($"{path} comes with shared/ beside the repository");
        return path;
    }
}
