using OrderToCash.Engine.Bpmn;
using OrderToCash.Engine.Bpmn.Parsing;
using static OrderToCash.Tests.Bpmn.BpmnText;

namespace OrderToCash.Tests.Bpmn;

/// <summary>JUEL (Camunda 7) and FEEL (Camunda 8) conditions: the common subset is translated, the rest refused by name.</summary>
public sealed class CamundaConditionTests
{
    [Theory]
    [InlineData("${approved}", "approved")]
    [InlineData("${!approved}", "! approved")]
    [InlineData("${amount > 10000 && region == 'EU'}", "amount > 10000 && region == \"EU\"")]
    [InlineData("${amount gt 10000 and not approved}", "amount > 10000 && ! approved")]
    [InlineData("#{status ne \"closed\" or amount le 5.5}", "status != \"closed\" || amount <= 5.5")]
    [InlineData("=amount > 10000", "amount > 10000")]
    [InlineData("= status = \"open\" and not(approved)", "status == \"open\" && ! ( approved )")]
    [InlineData("=amount >= 100 or region != \"EU\"", "amount >= 100 || region != \"EU\"")]
    public void A_condition_of_the_common_subset_is_translated(string condition, string expected)
    {
        ForeignCondition.TryTranslate(condition, out var translation, out var error).Should().BeTrue(error);

        translation.Expression.Should().Be(expected);
    }

    [Theory]
    [InlineData("${execution.getVariable('x')}", "execution.")]
    [InlineData("${empty items}", "'empty'")]
    [InlineData("=count(items) > 2", "count(")]
    [InlineData("=amount + 1 > 2", "'+'")]
    [InlineData("${name == 'open}", "not closed")]
    public void A_condition_outside_the_subset_is_refused_with_the_token(string condition, string named)
    {
        ForeignCondition.TryTranslate(condition, out _, out var error).Should().BeFalse();

        error.Should().Contain("outside the supported subset").And.Contain(named);
    }

    [Fact]
    public void The_variables_a_condition_reads_are_typed_by_their_use()
    {
        ForeignCondition.TryTranslate("${approved && amount > 10000 && region == 'EU'}", out var translation, out _).Should().BeTrue();

        translation.VariableTypes.Should().BeEquivalentTo(new Dictionary<string, string> { ["approved"] = "bool", ["amount"] = "decimal", ["region"] = "string" });
    }

    [Fact]
    public void A_camunda_7_model_with_juel_conditions_and_candidate_groups_is_valid()
    {
        const string camunda7 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:process id="approval" isExecutable="true">
                <bpmn:startEvent id="StartEvent_1"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Approve"/>
                <bpmn:userTask id="Approve" name="Approve" camunda:candidateGroups="CreditManager,Quality"/>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Approve" targetRef="Gateway_1"/>
                <bpmn:exclusiveGateway id="Gateway_1"/>
                <bpmn:sequenceFlow id="Flow_yes" sourceRef="Gateway_1" targetRef="Approved">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${approved}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_no" sourceRef="Gateway_1" targetRef="Rejected">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${!approved}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:endEvent id="Approved"/>
                <bpmn:endEvent id="Rejected"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

        var document = BpmnParser.Parse(camunda7, "camunda7.bpmn");
        Errors(camunda7).Should().BeEmpty();
        Validate(camunda7).Should().NotContain(d => d.Code == BpmnCodes.NoCandidateRole);
        document.Processes[0].Content.Nodes.Single(n => n.Id == "Approve").CandidateRole.Should().Be("CreditManager");
    }

    [Fact]
    public void A_camunda_8_model_with_a_feel_condition_and_an_assignment_is_valid()
    {
        const string camunda8 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                              id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:process id="large-orders" isExecutable="true">
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="big"/>
                <bpmn:exclusiveGateway id="big" default="small"/>
                <bpmn:sequenceFlow id="large" sourceRef="big" targetRef="approve">
                  <bpmn:conditionExpression>=amount &gt; 10000</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="small" sourceRef="big" targetRef="end"/>
                <bpmn:userTask id="approve" name="Approve a large order">
                  <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="CreditManager"/></bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="end"/>
                <bpmn:endEvent id="end"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

        Errors(camunda8).Should().BeEmpty();
        BpmnParser.Parse(camunda8, "camunda8.bpmn").Processes[0].Content.Flows.Single(f => f.Id == "large").Condition.Should().Be("amount > 10000");
    }

    [Fact]
    public void A_juel_condition_outside_the_subset_is_an_error_naming_the_flow()
    {
        var errors = Errors(Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="gw"/>
            <exclusiveGateway id="gw" default="b"/>
            <sequenceFlow id="a" sourceRef="gw" targetRef="e1"><conditionExpression>${execution.getVariable("x")}</conditionExpression></sequenceFlow>
            <sequenceFlow id="b" sourceRef="gw" targetRef="e2"/>
            <endEvent id="e1"/>
            <endEvent id="e2"/>
            """));

        errors.Should().Contain(e => e.Code == BpmnCodes.InvalidExpression && e.Element == "a" && e.Message.Contains("JUEL"));
    }
}
