using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Workflows;

public sealed class TaskFormTests : IDisposable
{
    private const string Approval = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn"
                     id="d" targetNamespace="https://ordertocash.dev/tests">
          <process id="approve-write-off" isExecutable="true">
            <extensionElements>
              <o2c:variable name="invoiceNumber" type="string"/>
              <o2c:variable name="amount" type="decimal"/>
              <o2c:variable name="approved" type="bool"/>
              <o2c:variable name="note" type="string"/>
            </extensionElements>
            <startEvent id="s"/>
            <sequenceFlow id="f1" sourceRef="s" targetRef="approve"/>
            <userTask id="approve" name="Approve the write-off" o2c:candidateRole="CreditManager">
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

    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public TaskFormTests() => host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));

    [Fact]
    public async Task A_task_form_lists_the_outputs_with_their_types_and_the_instance_variables_as_context()
    {
        using var owner = host.ClientFor("olivia");
        using var credit = host.ClientFor("claire");
        (await owner.PostAsync(new Uri("/api/definitions?file=approve.bpmn", UriKind.Relative), new StringContent(Approval, Encoding.UTF8, "application/xml")))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await owner.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { processId = "approve-write-off", variables = new { invoiceNumber = "FA-2026-000007", amount = 312.40m } }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var taskId = JsonDocument.Parse(await credit.GetStringAsync(new Uri("/api/tasks", UriKind.Relative))).RootElement[0].GetProperty("id").GetString();

        var form = JsonDocument.Parse(await credit.GetStringAsync(new Uri($"/api/tasks/{taskId}/form", UriKind.Relative))).RootElement;

        form.GetProperty("task").GetProperty("name").GetString().Should().Be("Approve the write-off");
        form.GetProperty("fields").EnumerateArray().Select(f => $"{f.GetProperty("name").GetString()}:{f.GetProperty("type").GetString()}")
            .Should().Equal("approved:bool", "note:string");
        form.GetProperty("context").GetProperty("invoiceNumber").GetString().Should().Be("FA-2026-000007");
        form.GetProperty("context").GetProperty("amount").GetDecimal().Should().Be(312.40m);
    }

    [Fact]
    public async Task The_form_of_a_task_outside_ones_inbox_is_not_found()
    {
        using var sales = host.ClientFor("sam");

        var response = await sales.GetAsync(new Uri("/api/tasks/no-such-task/form", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("No task 'no-such-task' is in your inbox.");
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }
}
