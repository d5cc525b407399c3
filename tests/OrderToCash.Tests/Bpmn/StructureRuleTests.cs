using OrderToCash.Engine.Bpmn;
using OrderToCash.Engine.Bpmn.Parsing;
using OrderToCash.Engine.Bpmn.Validation;
using static OrderToCash.Tests.Bpmn.BpmnText;

namespace OrderToCash.Tests.Bpmn;

/// <summary>The rules that refuse a model that would run wrongly: ambiguous gateways, double flows, waitless cycles, calls back.</summary>
public sealed class StructureRuleTests
{
    [Fact]
    public void An_exclusive_gateway_with_two_unconditioned_flows_and_no_default_is_ambiguous_and_names_the_gateway_and_flows()
    {
        var errors = Errors(Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="gw"/>
            <exclusiveGateway id="gw"/>
            <sequenceFlow id="a" sourceRef="gw" targetRef="e1"/>
            <sequenceFlow id="b" sourceRef="gw" targetRef="e2"/>
            <endEvent id="e1"/>
            <endEvent id="e2"/>
            """));

        var problem = errors.Should().ContainSingle().Subject;
        problem.Code.Should().Be(BpmnCodes.AmbiguousGateway);
        problem.Element.Should().Be("gw");
        problem.Line.Should().Be(6);
        problem.Message.Should().Contain("'a', 'b'");
    }

    [Fact]
    public void An_inclusive_gateway_with_a_default_and_an_unconditioned_flow_is_ambiguous()
    {
        var errors = Errors(Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="gw"/>
            <inclusiveGateway id="gw" default="a"/>
            <sequenceFlow id="a" sourceRef="gw" targetRef="e1"/>
            <sequenceFlow id="b" sourceRef="gw" targetRef="e2"/>
            <endEvent id="e1"/>
            <endEvent id="e2"/>
            """));

        errors.Should().ContainSingle(e => e.Code == BpmnCodes.AmbiguousGateway && e.Element == "gw")
            .Which.Message.Should().Contain("default flow 'a'").And.Contain("'b' has no condition");
    }

    [Fact]
    public void A_merging_gateway_with_one_way_out_and_a_decision_with_a_default_are_not_ambiguous()
    {
        Errors(Process("""
            <extensionElements><o2c:variable name="amount" type="decimal"/></extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="gw"/>
            <exclusiveGateway id="gw" default="small"/>
            <sequenceFlow id="big" sourceRef="gw" targetRef="merge"><conditionExpression>amount &gt; 10</conditionExpression></sequenceFlow>
            <sequenceFlow id="small" sourceRef="gw" targetRef="merge2"/>
            <task id="merge2"/>
            <sequenceFlow id="f2" sourceRef="merge2" targetRef="merge"/>
            <exclusiveGateway id="merge"/>
            <sequenceFlow id="f3" sourceRef="merge" targetRef="end"/>
            <endEvent id="end"/>
            """)).Should().BeEmpty();
    }

    [Fact]
    public void Two_flows_between_the_same_elements_are_refused_naming_both_flows_and_the_elements()
    {
        var errors = Errors(Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="issue"/>
            <task id="issue" name="Issue the invoice"/>
            <sequenceFlow id="toDunning" sourceRef="issue" targetRef="dunning"/>
            <sequenceFlow id="toDunningAgain" sourceRef="issue" targetRef="dunning"/>
            <task id="dunning" name="Remind and collect"/>
            <sequenceFlow id="f2" sourceRef="dunning" targetRef="end"/>
            <endEvent id="end"/>
            """));

        var problem = errors.Should().ContainSingle().Subject;
        problem.Code.Should().Be(BpmnCodes.DoubleFlow);
        problem.Element.Should().Be("toDunningAgain");
        problem.Message.Should().Contain("'toDunning', 'toDunningAgain'").And.Contain("'issue'").And.Contain("'dunning'").And.Contain("2 times");
    }

    [Fact]
    public void A_gateway_loop_without_a_wait_state_is_refused_naming_its_elements()
    {
        var errors = Errors(Process("""
            <extensionElements><o2c:variable name="amount" type="decimal"/></extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="score"/>
            <serviceTask id="score" o2c:handler="test.score"/>
            <sequenceFlow id="f2" sourceRef="score" targetRef="again"/>
            <exclusiveGateway id="again" default="done"/>
            <sequenceFlow id="loop" sourceRef="again" targetRef="score"><conditionExpression>amount &gt; 10</conditionExpression></sequenceFlow>
            <sequenceFlow id="done" sourceRef="again" targetRef="end"/>
            <endEvent id="end"/>
            """));

        var problem = errors.Should().ContainSingle().Subject;
        problem.Code.Should().Be(BpmnCodes.WaitlessCycle);
        problem.Element.Should().Be("score");
        problem.Message.Should().Contain("'score', 'again'").And.Contain("no wait state");
    }

    [Fact]
    public void A_loop_through_a_user_task_or_a_timer_is_a_loop_with_a_wait_state()
    {
        Errors(Process("""
            <extensionElements><o2c:variable name="decision" type="string"/></extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
            <userTask id="review" o2c:candidateRole="CreditManager"/>
            <sequenceFlow id="f2" sourceRef="review" targetRef="decided"/>
            <exclusiveGateway id="decided" default="yes"/>
            <sequenceFlow id="no" sourceRef="decided" targetRef="wait"><conditionExpression>decision == "again"</conditionExpression></sequenceFlow>
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f3" sourceRef="wait" targetRef="review"/>
            <sequenceFlow id="yes" sourceRef="decided" targetRef="end"/>
            <endEvent id="end"/>
            """)).Should().BeEmpty();
    }

    [Fact]
    public void A_call_activity_calling_its_own_process_is_refused()
    {
        var errors = Errors(Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="again"/>
            <callActivity id="again" calledElement="p"/>
            <sequenceFlow id="f2" sourceRef="again" targetRef="end"/>
            <endEvent id="end"/>
            """));

        errors.Should().ContainSingle(e => e.Code == BpmnCodes.RecursiveCall)
            .Which.Should().Match<Engine.Diagnostics.Diagnostic>(e => e.Element == "again" && e.Message.Contains("its own process 'p'"));
    }

    [Fact]
    public void A_call_back_through_another_process_of_the_file_or_a_published_one_is_refused_with_the_chain()
    {
        var twoProcesses = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <process id="a" isExecutable="true">
                <startEvent id="as"/><sequenceFlow id="af1" sourceRef="as" targetRef="callB"/>
                <callActivity id="callB" calledElement="b"/><sequenceFlow id="af2" sourceRef="callB" targetRef="ae"/><endEvent id="ae"/>
              </process>
              <process id="b" isExecutable="true">
                <startEvent id="bs"/><sequenceFlow id="bf1" sourceRef="bs" targetRef="callA"/>
                <callActivity id="callA" calledElement="a"/><sequenceFlow id="bf2" sourceRef="callA" targetRef="be"/><endEvent id="be"/>
              </process>
            </definitions>
            """;
        Errors(twoProcesses).Where(e => e.Code == BpmnCodes.RecursiveCall).Select(e => e.Element).Should().BeEquivalentTo(["callB", "callA"]);

        var callsPublished = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="callDunning"/>
            <callActivity id="callDunning" calledElement="dunning"/>
            <sequenceFlow id="f2" sourceRef="callDunning" targetRef="end"/>
            <endEvent id="end"/>
            """);
        var catalog = Catalog with { PublishedCalls = new Dictionary<string, IReadOnlyCollection<string>> { ["dunning"] = ["dispute"], ["dispute"] = ["p"] } };

        var problem = BpmnValidator.Validate(BpmnParser.Parse(callsPublished, "test.bpmn"), catalog).Diagnostics.Should().ContainSingle(e => e.Code == BpmnCodes.RecursiveCall).Subject;
        problem.Message.Should().Contain("'p' → 'dunning' → 'dispute' → 'p'");
    }
}
