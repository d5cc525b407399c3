using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderToCash.TestSupport;
using OrderToCash.UiTests.Infrastructure;
using OrderToCash.UiTests.Rules;

namespace OrderToCash.UiTests.Operations;

/// <summary>
/// A process whose step calls a supplier's system (<c>http.call</c>, no automatic retry): while the system answers 503
/// the instance stops in an incident, which a person retries once the system is back. Its own host allows the endpoint.
/// </summary>
internal sealed class SupplierCall : IAsyncDisposable
{
    public const string StepName = "Envoyer la commande au fournisseur";

    private SupplierCall(LocalEndpoint system, UiHost host)
    {
        System = system;
        Host = host;
    }

    public LocalEndpoint System { get; }

    public UiHost Host { get; }

    public static async Task<SupplierCall> StartAsync()
    {
        var system = new LocalEndpoint { Status = 503, Body = """{"error":"maintenance"}""" };
        var host = new UiHost(new Dictionary<string, string?> { ["Workflow:Http:AllowedBaseUrls:0"] = system.BaseUrl });
        using var owner = RulesApi.ClientFor(host, UiUsers.ProcessOwner);
        var published = await owner.PostAsync(new Uri("/api/definitions?file=supplier-order.bpmn", UriKind.Relative), new StringContent(Process(system.BaseUrl), Encoding.UTF8, "application/xml"));
        ((int)published.StatusCode).Should().Be(201, await published.Content.ReadAsStringAsync());
        return new SupplierCall(system, host);
    }

    /// <summary>Starts an instance for the business key; it stops in an incident while the system answers 503.</summary>
    public async Task<string> StartInstanceAsync(string businessKey)
    {
        using var owner = RulesApi.ClientFor(Host, UiUsers.ProcessOwner);
        var started = await owner.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { processId = "supplier-order", businessKey });
        ((int)started.StatusCode).Should().Be(201, await started.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().Should().Be("Incident", "the supplier's system answers 503");
        return body.RootElement.GetProperty("id").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        System.Dispose();
    }

    private static string Process(string url) => $$"""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                     xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                     xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="supplier" targetNamespace="https://ordertocash.dev/tests">
          <process id="supplier-order" name="Commande fournisseur" isExecutable="true">
            <startEvent id="start" name="Commande à transmettre"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="send"/>
            <serviceTask id="send" name="{{StepName}}" o2c:handler="http.call" o2c:retries="0">
              <extensionElements>
                <o2c:input name="url" expression="&quot;{{url}}orders&quot;"/>
                <o2c:input name="method" expression="&quot;POST&quot;"/>
              </extensionElements>
            </serviceTask>
            <sequenceFlow id="f2" sourceRef="send" targetRef="end"/>
            <endEvent id="end" name="Commande transmise"/>
          </process>
          <bpmndi:BPMNDiagram id="diagram">
            <bpmndi:BPMNPlane id="plane" bpmnElement="supplier-order">
              <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="send_di" bpmnElement="send"><dc:Bounds x="200" y="78" width="140" height="80"/></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="420" y="100" width="36" height="36"/></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118"/><di:waypoint x="200" y="118"/></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="118"/><di:waypoint x="420" y="118"/></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </definitions>
        """;
}
