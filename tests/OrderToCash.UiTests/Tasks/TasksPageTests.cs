using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Tasks;

[Collection(UiCollection.Name)]
public sealed class TasksPageTests(UiFixture ui)
{
    private const string Approval = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn"
                     id="d" targetNamespace="https://ordertocash.dev/tests">
          <process id="ui-approve-write-off" isExecutable="true">
            <extensionElements>
              <o2c:variable name="invoiceNumber" type="string"/>
              <o2c:variable name="amount" type="decimal"/>
              <o2c:variable name="approved" type="bool"/>
              <o2c:variable name="note" type="string"/>
            </extensionElements>
            <startEvent id="s"/>
            <sequenceFlow id="f1" sourceRef="s" targetRef="approve"/>
            <userTask id="approve" name="Approve the write-off" o2c:candidateRole="CreditManager" o2c:dueDate="P2D">
              <extensionElements>
                <o2c:output name="approved" expression="approved"/>
                <o2c:output name="note" expression="note"/>
              </extensionElements>
            </userTask>
            <sequenceFlow id="f2" sourceRef="approve" targetRef="e"/>
            <endEvent id="e"/>
          </process>
        </definitions>
        """;

    [BrowserFact]
    public async Task A_credit_manager_claims_a_task_answers_it_in_the_form_and_the_workflow_goes_on_with_the_answer()
    {
        var key = "FA-UI-" + Guid.NewGuid().ToString("N")[..8];
        using var owner = ClientFor(UiUsers.ProcessOwner);
        (await owner.PostAsync(new Uri("/api/definitions?file=ui-approve.bpmn", UriKind.Relative), new StringContent(Approval, Encoding.UTF8, "application/xml")))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var started = await owner.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { processId = "ui-approve-write-off", businessKey = key, variables = new { invoiceNumber = key, amount = 312.40m } });
        var instanceId = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        var page = await ui.NewPageAsync();
        await page.OpenSignedInAsync("/tasks", UiUsers.CreditManager);
        var row = page.Locator("tr[data-task]").Filter(new() { HasText = key });
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve the write-off" }).ClickAsync();
        var context = page.Locator("[data-test=task-context]").Filter(new() { HasText = key });
        await context.WaitForAsync();
        (await context.TextContentAsync()).Should().Contain("312.4");
        (await page.Locator("[data-test=task-due]").TextContentAsync()).Should().StartWith("Due by").And.MatchRegex(@": (1 d 23|2 d 0) h left\.$", "the SLA of two days has just started");
        await page.Locator("[data-test=claim]").ClickAsync();
        await page.Locator("[data-test=task-form]").WaitForAsync();
        await page.ScreenshotAsync("tasks");
        await page.Locator("#field-approved").SelectOptionAsync("true");
        await page.Locator("#field-note").FillAsync("Customer liquidated; nothing to recover.");
        await page.Locator("[data-test=complete]").ClickAsync();
        await page.Locator("#task-status").Filter(new() { HasText = "Answered “Approve the write-off”." }).WaitForAsync();

        // The answered task leaves the list.
        await row.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var instance = JsonDocument.Parse(await owner.GetStringAsync(new Uri($"/api/instances/{instanceId}", UriKind.Relative))).RootElement;
        instance.GetProperty("status").GetString().Should().Be("Completed");
        instance.GetProperty("variables").GetProperty("approved").GetBoolean().Should().BeTrue();
        instance.GetProperty("variables").GetProperty("note").GetString().Should().Be("Customer liquidated; nothing to recover.");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task The_tasks_page_is_in_the_navigation_of_every_back_office_role()
    {
        var page = await ui.NewPageAsync();
        await page.OpenSignedInAsync("/tasks", UiUsers.Collector);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Tasks", Exact = true }).WaitForAsync();
        (await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Tasks" }).GetAttributeAsync("aria-current"))
            .Should().Be("page");
        page.ShouldHaveNoScriptErrors();
    }

    private HttpClient ClientFor(string userName)
    {
        var client = new HttpClient { BaseAddress = ui.Host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{UiUsers.Password(userName)}")));
        return client;
    }
}
