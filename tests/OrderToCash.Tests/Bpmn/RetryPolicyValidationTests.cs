using OrderToCash.Engine.Bpmn;
using static OrderToCash.Tests.Bpmn.BpmnText;

namespace OrderToCash.Tests.Bpmn;

public sealed class RetryPolicyValidationTests
{
    private static string Call(string retryAttributes) => Process($"""
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
        <serviceTask id="call" o2c:handler="test.echo" {retryAttributes}><extensionElements><o2c:input name="text" expression="&quot;x&quot;"/></extensionElements></serviceTask>
        <sequenceFlow id="f2" sourceRef="call" targetRef="end"/>
        <endEvent id="end"/>
        """);

    [Fact]
    public void A_valid_element_retry_policy_is_accepted()
    {
        Errors(Call("o2c:retries=\"3\" o2c:retryBackoff=\"PT30S\"")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("o2c:retries=\"many\"", "whole number from 0 to 100")]
    [InlineData("o2c:retries=\"-1\"", "whole number from 0 to 100")]
    [InlineData("o2c:retries=\"101\"", "whole number from 0 to 100")]
    [InlineData("o2c:retryBackoff=\"soon\"", "ISO 8601 duration")]
    [InlineData("o2c:retryBackoff=\"P1M\"", "ISO 8601 duration")]
    [InlineData("o2c:retryBackoff=\"PT0S\"", "longer than zero")]
    public void An_invalid_retry_policy_is_reported_on_its_element(string attributes, string reason)
    {
        var error = Errors(Call(attributes)).Should().ContainSingle(d => d.Code == BpmnCodes.InvalidRetry).Subject;

        error.Element.Should().Be("call");
        error.Line.Should().Be(6);
        error.Message.Should().Contain(reason);
    }

    [Fact]
    public void A_retry_policy_on_an_element_that_never_fails_technically_is_refused()
    {
        var errors = Errors(Process("""
            <startEvent id="start" o2c:retries="2"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="end"/>
            <endEvent id="end"/>
            """));

        errors.Should().ContainSingle(d => d.Code == BpmnCodes.InvalidRetry && d.Element == "start");
    }
}
