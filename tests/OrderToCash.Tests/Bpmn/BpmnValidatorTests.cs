using OrderToCash.Engine.Bpmn;
using OrderToCash.Engine.Diagnostics;
using static OrderToCash.Tests.Bpmn.BpmnText;

namespace OrderToCash.Tests.Bpmn;

public sealed class BpmnValidatorTests
{
    private const string StartToEnd = """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="end"/>
        <endEvent id="end"/>
        """;

    [Fact]
    public void A_minimal_executable_process_is_valid()
    {
        Validate(Process(StartToEnd)).Should().BeEmpty();
    }

    [Fact]
    public void A_sequence_flow_to_a_missing_node_is_reported_as_dangling_with_its_line()
    {
        var errors = Errors(Process(StartToEnd + "\n<sequenceFlow id=\"lost\" sourceRef=\"end\" targetRef=\"nowhere\"/>"));

        var dangling = errors.Should().ContainSingle(d => d.Code == BpmnCodes.DanglingFlow).Subject;
        dangling.Element.Should().Be("lost");
        dangling.Line.Should().Be(7);
        dangling.File.Should().Be("test.bpmn");
        dangling.Message.Should().Contain("'nowhere'");
    }

    [Fact]
    public void A_node_no_flow_reaches_is_reported_as_unreachable()
    {
        var errors = Errors(Process(StartToEnd + "\n<task id=\"orphan\"/>\n<sequenceFlow id=\"f2\" sourceRef=\"orphan\" targetRef=\"end\"/>"));

        errors.Should().ContainSingle(d => d.Code == BpmnCodes.Unreachable && d.Element == "orphan").Which.Line.Should().Be(7);
    }

    [Fact]
    public void A_node_fed_only_by_a_dead_node_is_reported_as_unreachable()
    {
        var errors = Errors(Process(StartToEnd + """

            <task id="orphan"/>
            <sequenceFlow id="f2" sourceRef="orphan" targetRef="next"/>
            <task id="next"/>
            """));

        errors.Where(d => d.Code == BpmnCodes.Unreachable).Select(d => d.Element).Should().BeEquivalentTo(["orphan", "next"]);
    }

    [Fact]
    public void An_exclusive_gateway_with_only_conditional_flows_and_no_default_is_not_exhaustive()
    {
        var errors = Errors(Process("""
            <extensionElements><o2c:variable name="amount" type="decimal"/></extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="gw"/>
            <exclusiveGateway id="gw"/>
            <sequenceFlow id="a" sourceRef="gw" targetRef="e1"><conditionExpression>amount &gt; 10</conditionExpression></sequenceFlow>
            <sequenceFlow id="b" sourceRef="gw" targetRef="e2"><conditionExpression>amount &lt;= 10</conditionExpression></sequenceFlow>
            <endEvent id="e1"/>
            <endEvent id="e2"/>
            """));

        var problem = errors.Should().ContainSingle().Subject;
        problem.Code.Should().Be(BpmnCodes.NotExhaustive);
        problem.Element.Should().Be("gw");
        problem.Line.Should().Be(7);
    }

    [Fact]
    public void An_exclusive_gateway_with_a_default_or_an_unconditional_flow_is_exhaustive()
    {
        var withDefault = Process("""
            <extensionElements><o2c:variable name="amount" type="decimal"/></extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="gw"/>
            <exclusiveGateway id="gw" default="b"/>
            <sequenceFlow id="a" sourceRef="gw" targetRef="e1"><conditionExpression>amount &gt; 10</conditionExpression></sequenceFlow>
            <sequenceFlow id="b" sourceRef="gw" targetRef="e2"/>
            <endEvent id="e1"/>
            <endEvent id="e2"/>
            """);

        Errors(withDefault).Should().BeEmpty();
        Errors(withDefault.Replace(" default=\"b\"", string.Empty, StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void A_default_flow_with_a_condition_is_refused()
    {
        var errors = Errors(Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="gw"/>
            <exclusiveGateway id="gw" default="b"/>
            <sequenceFlow id="b" sourceRef="gw" targetRef="e2"><conditionExpression>true</conditionExpression></sequenceFlow>
            <endEvent id="e2"/>
            """));

        errors.Should().ContainSingle(d => d.Code == BpmnCodes.InvalidDefault && d.Element == "b");
    }

    [Fact]
    public void An_unsupported_element_in_an_executable_process_is_an_error_naming_its_type()
    {
        var errors = Errors(Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="send"/>
            <sendTask id="send"/>
            <sequenceFlow id="f2" sourceRef="send" targetRef="end"/>
            <endEvent id="end"/>
            """));

        var problem = errors.Should().ContainSingle().Subject;
        problem.Code.Should().Be(BpmnCodes.UnsupportedElement);
        problem.Element.Should().Be("send");
        problem.Line.Should().Be(6);
        problem.Message.Should().Contain("sendTask");
    }

    [Fact]
    public void An_unsupported_event_definition_is_reported()
    {
        var errors = Errors(Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="signal"/>
            <intermediateCatchEvent id="signal"><signalEventDefinition/></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="signal" targetRef="end"/>
            <endEvent id="end"/>
            """));

        errors.Should().ContainSingle(d => d.Code == BpmnCodes.UnsupportedEvent && d.Element == "signal").Which.Message.Should().Contain("signalEventDefinition");
    }

    [Fact]
    public void A_script_task_is_refused()
    {
        var errors = Errors(Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="script"/>
            <scriptTask id="script" scriptFormat="javascript"><script>java.lang.Runtime.getRuntime().exec("sh")</script></scriptTask>
            <sequenceFlow id="f2" sourceRef="script" targetRef="end"/>
            <endEvent id="end"/>
            """));

        errors.Should().ContainSingle(d => d.Code == BpmnCodes.ScriptTaskRefused && d.Element == "script" && d.Line == 6);
    }

    [Fact]
    public void An_unknown_handler_and_an_unknown_rule_set_are_reported_with_the_known_names()
    {
        var errors = Errors(Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="svc"/>
            <serviceTask id="svc" o2c:handler="no.such.handler"/>
            <sequenceFlow id="f2" sourceRef="svc" targetRef="rules"/>
            <businessRuleTask id="rules" o2c:ruleSet="nope"/>
            <sequenceFlow id="f3" sourceRef="rules" targetRef="end"/>
            <endEvent id="end"/>
            """));

        errors.Should().ContainSingle(d => d.Code == BpmnCodes.UnknownHandler && d.Element == "svc" && d.Line == 6).Which.Message.Should().Contain("test.score");
        errors.Should().ContainSingle(d => d.Code == BpmnCodes.UnknownRuleSet && d.Element == "rules" && d.Line == 8).Which.Message.Should().Contain("limits");
    }

    [Fact]
    public void A_condition_that_does_not_compile_or_reaches_outside_the_sandbox_is_refused()
    {
        var errors = Errors(Process("""
            <extensionElements><o2c:variable name="name" type="string"/></extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="gw"/>
            <exclusiveGateway id="gw" default="c"/>
            <sequenceFlow id="a" sourceRef="gw" targetRef="e"><conditionExpression>name.GetType().Name == "x"</conditionExpression></sequenceFlow>
            <sequenceFlow id="b" sourceRef="gw" targetRef="e"><conditionExpression>name &gt;&gt;&gt; 3</conditionExpression></sequenceFlow>
            <sequenceFlow id="c" sourceRef="gw" targetRef="e"/>
            <endEvent id="e"/>
            """));

        errors.Should().ContainSingle(d => d.Element == "a" && d.Code == BpmnCodes.InvalidExpression && d.Line == 8).Which.Message.Should().Contain("System.Object.GetType");
        errors.Should().ContainSingle(d => d.Element == "b" && d.Code == BpmnCodes.InvalidExpression && d.Line == 9).Which.Message.Should().Contain("does not compile");
    }

    [Fact]
    public void An_invalid_timer_and_a_message_without_name_are_reported()
    {
        var errors = Errors(Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="t"/>
            <intermediateCatchEvent id="t"><timerEventDefinition><timeDuration>soon</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="t" targetRef="m"/>
            <intermediateCatchEvent id="m"><messageEventDefinition/></intermediateCatchEvent>
            <sequenceFlow id="f3" sourceRef="m" targetRef="end"/>
            <endEvent id="end"/>
            """));

        errors.Should().ContainSingle(d => d.Code == BpmnCodes.InvalidTimer && d.Element == "t").Which.Message.Should().Contain("ISO 8601 duration");
        errors.Should().ContainSingle(d => d.Code == BpmnCodes.InvalidMessage && d.Element == "m");
    }

    [Fact]
    public void Boundary_event_rules_are_checked()
    {
        var errors = Errors(Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
            <userTask id="work"/>
            <sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
            <endEvent id="end"/>
            <boundaryEvent id="err" attachedToRef="work" cancelActivity="false"><errorEventDefinition/></boundaryEvent>
            <sequenceFlow id="f3" sourceRef="err" targetRef="end"/>
            <boundaryEvent id="lost" attachedToRef="ghost"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="f4" sourceRef="lost" targetRef="end"/>
            """));

        errors.Should().Contain(d => d.Code == BpmnCodes.InvalidBoundary && d.Element == "err" && d.Line == 9);
        errors.Should().Contain(d => d.Code == BpmnCodes.InvalidBoundary && d.Element == "lost");
    }

    [Fact]
    public void Call_activity_and_multi_instance_need_their_attributes()
    {
        var errors = Errors(Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
            <callActivity id="call" o2c:versionBinding="version" o2c:version="zero"/>
            <sequenceFlow id="f2" sourceRef="call" targetRef="each"/>
            <task id="each"><multiInstanceLoopCharacteristics/></task>
            <sequenceFlow id="f3" sourceRef="each" targetRef="end"/>
            <endEvent id="end"/>
            """));

        errors.Where(d => d.Element == "call").Select(d => d.Code).Should().Equal(BpmnCodes.InvalidCallActivity, BpmnCodes.InvalidCallActivity);
        errors.Should().ContainSingle(d => d.Code == BpmnCodes.InvalidMultiInstance && d.Element == "each");
    }

    [Fact]
    public void A_multi_instance_output_collection_needs_its_output_element_and_is_typed_for_later_expressions()
    {
        const string Body = """
            <extensionElements><o2c:variable name="lines" type="list&lt;int&gt;"/></extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="each"/>
            <task id="each"><multiInstanceLoopCharacteristics o2c:collection="lines" o2c:elementVariable="line" OUTPUT/></task>
            <sequenceFlow id="f2" sourceRef="each" targetRef="gw"/>
            <exclusiveGateway id="gw" default="d"/>
            <sequenceFlow id="c" sourceRef="gw" targetRef="end"><conditionExpression>doubled.Sum(x =&gt; x) &gt; 10</conditionExpression></sequenceFlow>
            <sequenceFlow id="d" sourceRef="gw" targetRef="end"/>
            <endEvent id="end"/>
            """;

        Errors(Process(Body.Replace("OUTPUT", "o2c:outputCollection=\"doubled\" o2c:outputElement=\"line * 2\"", StringComparison.Ordinal))).Should().BeEmpty();
        Errors(Process(Body.Replace("OUTPUT", "o2c:outputCollection=\"doubled\"", StringComparison.Ordinal)))
            .Should().Contain(d => d.Code == BpmnCodes.InvalidMultiInstance && d.Element == "each" && d.Line == 7);
    }

    [Fact]
    public void Event_based_gateway_may_only_lead_to_catch_events()
    {
        var errors = Errors(Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="gw"/>
            <eventBasedGateway id="gw"/>
            <sequenceFlow id="f2" sourceRef="gw" targetRef="task"/>
            <sequenceFlow id="f3" sourceRef="gw" targetRef="end"/>
            <task id="task"/>
            <endEvent id="end"/>
            """));

        errors.Where(d => d.Code == BpmnCodes.InvalidEventGateway).Select(d => d.Element).Should().BeEquivalentTo(["f2", "f3"]);
    }

    [Fact]
    public void Non_executable_content_is_accepted_and_ignored()
    {
        var diagnostics = Validate(Process(StartToEnd + """

            <laneSet id="ls"><lane id="l1"><flowNodeRef>start</flowNodeRef></lane></laneSet>
            <dataObject id="do1"/>
            <dataObjectReference id="dor" dataObjectRef="do1"/>
            <textAnnotation id="ta"><text>note</text></textAnnotation>
            <association id="as" sourceRef="ta" targetRef="start"/>
            <group id="g"/>
            """));

        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void A_non_executable_process_only_lists_its_unsupported_elements_as_warnings()
    {
        var xml = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="send"/>
            <sendTask id="send"/>
            <serviceTask id="svc"/>
            """).Replace("isExecutable=\"true\"", "isExecutable=\"false\"", StringComparison.Ordinal);

        var diagnostics = Validate(xml);

        diagnostics.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Warning);
        diagnostics.Should().Contain(d => d.Code == BpmnCodes.UnsupportedElement && d.Element == "send");
        diagnostics.Should().NotContain(d => d.Element == "svc");
    }

    [Fact]
    public void Flows_into_a_start_event_or_out_of_an_end_event_are_misplaced()
    {
        var errors = Errors(Process(StartToEnd + "\n<sequenceFlow id=\"back\" sourceRef=\"end\" targetRef=\"start\"/>"));

        errors.Where(d => d.Code == BpmnCodes.MisplacedFlow).Select(d => (d.Element, d.Line)).Should().BeEquivalentTo([("start", (int?)4), ("end", (int?)6)]);
    }

    [Fact]
    public void A_gateway_without_outgoing_flow_and_a_process_without_start_event_are_reported()
    {
        var errors = Errors(Process("""
            <task id="t"/>
            <sequenceFlow id="f1" sourceRef="t" targetRef="gw"/>
            <parallelGateway id="gw"/>
            """));

        errors.Should().Contain(d => d.Code == BpmnCodes.MissingOutgoing && d.Element == "gw" && d.Line == 6);
        errors.Should().Contain(d => d.Code == BpmnCodes.StartEvents && d.Element == "p" && d.Line == 3);
    }

    [Fact]
    public void A_condition_on_a_flow_leaving_a_task_is_reported_as_never_evaluated()
    {
        var errors = Errors(Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="end"><conditionExpression>true</conditionExpression></sequenceFlow>
            <endEvent id="end"/>
            """));

        errors.Should().ContainSingle(d => d.Code == BpmnCodes.IgnoredCondition && d.Element == "f1" && d.Line == 5);
    }

    [Fact]
    public void Expressions_in_mappings_and_timers_are_sandboxed_too()
    {
        var errors = Errors(Process("""
            <extensionElements><o2c:variable name="name" type="string"/></extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="svc"/>
            <serviceTask id="svc" o2c:handler="test.echo"><extensionElements><o2c:input name="text" expression="name.GetType().FullName"/></extensionElements></serviceTask>
            <sequenceFlow id="f2" sourceRef="svc" targetRef="wait"/>
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>DateTime.Now - DateTime.Today</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f3" sourceRef="wait" targetRef="end"/>
            <endEvent id="end"/>
            """));

        errors.Should().Contain(d => d.Element == "svc" && d.Code == BpmnCodes.InvalidExpression && d.Message.Contains("GetType", StringComparison.Ordinal));
        errors.Should().Contain(d => d.Element == "wait" && d.Code == BpmnCodes.InvalidTimer && d.Message.Contains("System.DateTime.Now", StringComparison.Ordinal));
    }

    [Fact]
    public void A_required_handler_input_that_nothing_provides_is_reported()
    {
        var withoutVariable = Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="svc"/>
            <serviceTask id="svc" o2c:handler="test.score"/>
            <sequenceFlow id="f2" sourceRef="svc" targetRef="end"/>
            <endEvent id="end"/>
            """);

        Errors(withoutVariable).Should().ContainSingle(d => d.Code == BpmnCodes.MissingInput && d.Element == "svc" && d.Line == 6)
            .Which.Message.Should().Contain("'amount'");
        Errors(withoutVariable.Replace("<startEvent id=\"start\"/>", "<extensionElements><o2c:variable name=\"amount\" type=\"decimal\"/></extensionElements>\n<startEvent id=\"start\"/>", StringComparison.Ordinal))
            .Should().BeEmpty();
    }

    [Fact]
    public void A_sub_process_without_start_event_is_reported_on_the_sub_process()
    {
        var errors = Errors(Process("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="sub"/>
            <subProcess id="sub"><task id="inner"/></subProcess>
            <sequenceFlow id="f2" sourceRef="sub" targetRef="end"/>
            <endEvent id="end"/>
            """));

        errors.Should().Contain(d => d.Code == BpmnCodes.StartEvents && d.Element == "sub" && d.Line == 6);
    }

    [Fact]
    public void Unknown_variable_types_are_reported()
    {
        var errors = Errors(Process("<extensionElements><o2c:variable name=\"x\" type=\"FileInfo\"/></extensionElements>\n" + StartToEnd));

        errors.Should().ContainSingle(d => d.Code == BpmnCodes.InvalidVariable).Which.Message.Should().Contain("FileInfo");
    }

    [Theory]
    [InlineData("<o2c:variable name=\"amount\" type=\"decimal\" values=\"1,2\"/>", "The variable 'amount' lists values, but only a string variable can: its type is 'decimal'.")]
    [InlineData("<o2c:variable name=\"outcome\" type=\"string\" values=\"Accepted,,Rejected\"/>", "The values of the variable 'outcome' must be separated by single commas, none of them empty.")]
    [InlineData("<o2c:variable name=\"outcome\" type=\"string\" values=\"\"/>", "The values of the variable 'outcome' must be separated by single commas, none of them empty.")]
    [InlineData("<o2c:variable name=\"outcome\" type=\"string\" values=\"Accepted, Rejected, Accepted\"/>", "The values of the variable 'outcome' list 'Accepted' twice.")]
    public void Listed_values_are_for_string_variables_each_once_and_not_blank(string declaration, string message)
    {
        var errors = Errors(Process("<extensionElements>" + declaration + "</extensionElements>\n" + StartToEnd));

        errors.Should().ContainSingle(d => d.Code == BpmnCodes.InvalidVariable).Which.Message.Should().Be(message);
    }
}
