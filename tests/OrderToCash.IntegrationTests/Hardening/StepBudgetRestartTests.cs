using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hardening;

/// <summary>
/// A published workflow that fans out over a million items after a timer used to take the host down when the timer
/// fired, and again at every restart. Now the step stops at its budget: the instance is an incident naming the budget
/// and the element, the host keeps answering, and a restart with that instance in the database comes up healthy.
/// </summary>
public sealed class StepBudgetRestartTests : IDisposable
{
    private const string FanOut = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="d" targetNamespace="t">
          <process id="fan-out" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="later"/>
            <intermediateCatchEvent id="later"><timerEventDefinition><timeDuration>PT1S</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="later" targetRef="each"/>
            <userTask id="each" o2c:candidateRole="Collector">
              <multiInstanceLoopCharacteristics o2c:collection="&quot;x&quot;.PadLeft(100000).ToList()" o2c:elementVariable="c"/>
            </userTask>
            <sequenceFlow id="f3" sourceRef="each" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private readonly TempDirectory directory = new();

    [Fact]
    public async Task A_fan_out_over_100000_items_after_a_timer_becomes_an_incident_and_the_restarted_host_stays_healthy()
    {
        string instanceId;
        await using (var first = Host(autoStart: false))
        {
            using var owner = first.ClientFor("olivia");
            (await owner.PostAsync(new Uri("/api/definitions?file=fan-out.bpmn", UriKind.Relative), new StringContent(FanOut, Encoding.UTF8, "application/xml")))
                .StatusCode.Should().Be(HttpStatusCode.Created);
            var started = await owner.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { processId = "fan-out" });
            started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
            instanceId = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        }

        // The timer is due one second after the start; the restarted host's scheduler fires it (real clock, real Quartz).
        await using var restarted = Host(autoStart: true);
        using var anonymous = restarted.CreateClient();
        (await anonymous.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        var instance = await WaitForIncidentAsync(restarted, instanceId);

        instance.IncidentElementId.Should().Be("each");
        instance.IncidentMessage.Should().Be("The multi-instance collection of 'each' has more than 1,000 items, the budget of one activity (Workflow:Budgets:MaxMultiInstanceItems).");
        instance.NextRetryAt.Should().BeNull("the same fan-out would be refused again: a person decides");
        (await anonymous.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        await using var db = restarted.Services.GetRequiredService<Func<OrderToCashDbContext>>()();
        (await db.Set<UserTaskRecord>().CountAsync()).Should().Be(0, "no item started");
    }

    public void Dispose() => directory.Dispose();

    private TestHost Host(bool autoStart) => TestHost.Sqlite(directory, ("Scheduler:AutoStart", autoStart ? "true" : "false"));

    /// <summary>The scheduler's dispatch job fires the due timer within a few seconds of the start.</summary>
    private static async Task<InstanceRecord> WaitForIncidentAsync(TestHost host, string instanceId)
    {
        var contexts = host.Services.GetRequiredService<Func<OrderToCashDbContext>>();
        for (var attempt = 0; attempt < 240; attempt++)
        {
            await using var db = contexts();
            var record = await db.Set<InstanceRecord>().AsNoTracking().SingleAsync(i => i.Id == instanceId);
            if (record.Status == "Incident")
            {
                return record;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new TimeoutException($"The instance {instanceId} did not stop within a minute.");
    }
}
