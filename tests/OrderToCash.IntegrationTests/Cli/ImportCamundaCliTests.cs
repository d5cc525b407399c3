using System.Xml.Linq;
using OrderToCash.IntegrationTests.Infrastructure;
using OrderToCash.TestSupport;

namespace OrderToCash.IntegrationTests.Cli;

/// <summary><c>o2c import camunda</c>: Camunda 7 and Camunda 8 models become ours, or are refused naming what is missing (ADR 0069).</summary>
public sealed class ImportCamundaCliTests : IDisposable
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace O2c = "https://ordertocash.dev/schema/bpmn";

    private const string Camunda7 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="c7" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="approval" name="Approbation" isExecutable="true">
            <bpmn:startEvent id="start"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve"/>
            <bpmn:userTask id="approve" name="Approuver la commande" camunda:candidateGroups="accounting,management" camunda:formKey="embedded:app:forms/approve.html"/>
            <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="decided"/>
            <bpmn:exclusiveGateway id="decided"/>
            <bpmn:sequenceFlow id="yes" sourceRef="decided" targetRef="notify"><bpmn:conditionExpression>${approved}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="no" sourceRef="decided" targetRef="refused"><bpmn:conditionExpression>${!approved}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:serviceTask id="notify" name="Prévenir les commerciaux" camunda:class="com.acme.NotifyDelegate" camunda:asyncBefore="true">
              <bpmn:extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="toRole">SalesAdministration</camunda:inputParameter>
                  <camunda:inputParameter name="subject">Commande approuvée</camunda:inputParameter>
                  <camunda:inputParameter name="body">La commande est approuvée.</camunda:inputParameter>
                </camunda:inputOutput>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f3" sourceRef="notify" targetRef="done"/>
            <bpmn:endEvent id="done"/>
            <bpmn:endEvent id="refused"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    private const string Camunda8 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="c8" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="big-order" name="Grosse commande" isExecutable="true">
            <bpmn:startEvent id="start"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="big"/>
            <bpmn:exclusiveGateway id="big" default="small"/>
            <bpmn:sequenceFlow id="large" sourceRef="big" targetRef="call"><bpmn:conditionExpression>=amount &gt; 10000</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="small" sourceRef="big" targetRef="done"/>
            <bpmn:serviceTask id="call" name="Prévenir le commercial">
              <bpmn:extensionElements>
                <zeebe:taskDefinition type="notify-sales" retries="5"/>
                <zeebe:ioMapping>
                  <zeebe:input source="=salesperson" target="toUser"/>
                  <zeebe:input source="=&quot;Grosse commande&quot;" target="subject"/>
                  <zeebe:input source="=&quot;Une commande de plus de 10 000 EUR attend.&quot;" target="body"/>
                </zeebe:ioMapping>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="check"/>
            <bpmn:userTask id="check" name="Vérifier la commande">
              <bpmn:extensionElements><zeebe:assignmentDefinition assignee="=salesperson" candidateGroups="sales"/></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="done"/>
            <bpmn:endEvent id="done"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    private const string Mapping = """
        {
          "handlers": { "com.acme.NotifyDelegate": "email.send", "notify-sales": "email.send" },
          "roles": { "accounting": "CreditManager", "sales": "SalesAdministration" }
        }
        """;

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task A_camunda_7_model_becomes_ours_with_its_class_as_a_handler_its_group_as_a_role_and_what_was_dropped_listed()
    {
        var (model, mapping) = await WriteAsync("approval.bpmn", Camunda7);

        var run = await CliRunner.RunAsync("import", "camunda", model, "--mapping", mapping);

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("(Camunda 7) converted to")
            .And.Contain("dropped [approve]: The userTask 'approve' (Approuver la commande) is for the candidate group 'management', which the mapping file does not map to a role")
            .And.Contain("dropped [approve]: The userTask 'approve' (Approuver la commande) has camunda:formKey=")
            .And.Contain("dropped [notify]: The serviceTask 'notify' (Prévenir les commerciaux) has camunda:asyncBefore=\"true\"");
        var written = XDocument.Load(directory.File("approval.o2c.bpmn"));
        Element(written, "approve").Attribute(O2c + "candidateRole")!.Value.Should().Be("CreditManager");
        var notify = Element(written, "notify");
        notify.Attribute(O2c + "handler")!.Value.Should().Be("email.send");
        notify.Descendants(O2c + "input").Select(i => (i.Attribute("name")!.Value, i.Attribute("expression")!.Value))
            .Should().Contain(("subject", "\"Commande approuvée\""));
        written.Descendants().Attributes().Should().NotContain(a => a.Name.NamespaceName == "http://camunda.org/schema/1.0/bpmn");
        var validated = await CliRunner.RunAsync("validate", directory.File("approval.o2c.bpmn"));
        validated.ExitCode.Should().Be(0, validated.Output + validated.Error);
    }

    [Fact]
    public async Task A_camunda_8_model_becomes_ours_with_its_job_type_its_retries_its_io_mapping_and_its_assignee()
    {
        var (model, mapping) = await WriteAsync("big-order.bpmn", Camunda8);

        var run = await CliRunner.RunAsync("import", "camunda", model, "--mapping", mapping, "--output", directory.File("ours.bpmn"));

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("(Camunda 8) converted to");
        var written = XDocument.Load(directory.File("ours.bpmn"));
        var call = Element(written, "call");
        call.Attribute(O2c + "handler")!.Value.Should().Be("email.send");
        call.Attribute(O2c + "retries")!.Value.Should().Be("5");
        call.Descendants(O2c + "input").Select(i => (i.Attribute("name")!.Value, i.Attribute("expression")!.Value))
            .Should().Contain([("toUser", "salesperson"), ("subject", "\"Grosse commande\"")]);
        var check = Element(written, "check");
        check.Attribute(O2c + "assignee")!.Value.Should().Be("salesperson");
        check.Attribute(O2c + "candidateRole")!.Value.Should().Be("SalesAdministration");
        written.Descendants(O2c + "variable").Should().Contain(v => v.Attribute("name")!.Value == "salesperson" && v.Attribute("type")!.Value == "string");
        (await CliRunner.RunAsync("validate", directory.File("ours.bpmn"))).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task An_unmapped_job_type_and_group_stop_the_import_naming_the_elements_and_nothing_is_written()
    {
        var (model, mapping) = await WriteAsync("big-order.bpmn", Camunda8, """{ "handlers": { "other": "email.send" } }""");

        var run = await CliRunner.RunAsync("import", "camunda", model, "--mapping", mapping);

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("error [call]: The serviceTask 'call' (Prévenir le commercial) calls 'notify-sales' (zeebe:taskDefinition type), which the mapping file does not map to a handler: add \"notify-sales\": \"<handler>\" under \"handlers\"")
            .And.Contain("nothing was written");
        File.Exists(directory.File("big-order.o2c.bpmn")).Should().BeFalse();
    }

    [Fact]
    public async Task A_listener_and_a_script_are_essential_and_refused_by_name()
    {
        var withListener = Camunda7
            .Replace("<camunda:inputOutput>", "<camunda:executionListener class=\"com.acme.Audit\" event=\"start\"/><camunda:inputOutput>", StringComparison.Ordinal)
            .Replace("<bpmn:endEvent id=\"refused\"/>", "<bpmn:scriptTask id=\"score\" scriptFormat=\"groovy\"/><bpmn:endEvent id=\"refused\"/>", StringComparison.Ordinal);
        var (model, mapping) = await WriteAsync("approval.bpmn", withListener);

        var run = await CliRunner.RunAsync("import", "camunda", model, "--mapping", mapping);

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("camunda:executionListener").And.Contain("The scriptTask 'score' runs a script");
    }

    [Fact]
    public async Task A_malformed_mapping_file_is_a_usage_error_naming_the_section()
    {
        var (model, mapping) = await WriteAsync("approval.bpmn", Camunda7, """{ "handler": {} }""");

        var run = await CliRunner.RunAsync("import", "camunda", model, "--mapping", mapping);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("unknown section \"handler\"");
    }

    [ConformanceFact("miwg-reference")]
    public async Task The_camunda_invoice_model_of_the_omg_reference_set_is_refused_naming_its_unmapped_delegate_and_nothing_is_written()
    {
        // C.1.0 is Camunda 7's invoice example, read in place from ../shared/conformance.
        var model = Path.Combine(SharedConformance.Folder("miwg-reference"), "C.1.0.bpmn");
        var output = directory.File("invoice.o2c.bpmn");

        var run = await CliRunner.RunAsync("import", "camunda", model, "--output", output);

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("(Camunda 7) was not converted")
            .And.Contain("error [archiveInvoice]: The serviceTask 'archiveInvoice'")
            .And.Contain("calls '#{archiveService}' (camunda:delegateExpression)");
        File.Exists(output).Should().BeFalse();
    }

    private static XElement Element(XDocument document, string id) => document.Descendants().Single(e => e.Name.Namespace == Bpmn && (string?)e.Attribute("id") == id);

    private async Task<(string Model, string Mapping)> WriteAsync(string name, string model, string mapping = Mapping)
    {
        await File.WriteAllTextAsync(directory.File(name), model);
        await File.WriteAllTextAsync(directory.File("mapping.json"), mapping);
        return (directory.File(name), directory.File("mapping.json"));
    }
}
