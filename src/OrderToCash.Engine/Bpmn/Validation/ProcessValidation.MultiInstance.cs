using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Expressions;

namespace OrderToCash.Engine.Bpmn.Validation;

/// <summary>Multi-instance rules: the collection must be a collection; outputs come as a pair.</summary>
internal sealed partial class ProcessValidation
{
    private IReadOnlyList<ExpressionParameter> ValidateMultiInstance(FlowNode node, IReadOnlyList<ExpressionParameter> parameters)
    {
        if (node.MultiInstance is not { } loop)
        {
            return parameters;
        }

        if (loop.Collection is null || loop.ElementVariable is null)
        {
            Report(node.Id, loop.Location, BpmnCodes.InvalidMultiInstance, $"The multi-instance {node.Describe()} needs o2c:collection (the collection expression) and o2c:elementVariable (the item's name).");
            return parameters;
        }

        var parsed = Check(node.Id, loop.Location, new ExpressionKey(node.Id, ExpressionPurpose.Collection), loop.Collection, parameters, null, "multi-instance collection");
        if (parsed is null)
        {
            return parameters;
        }

        var elementType = ElementTypeOf(parsed.ResultType!);
        if (elementType is null)
        {
            Report(node.Id, loop.Location, BpmnCodes.InvalidMultiInstance, $"The multi-instance collection '{loop.Collection}' yields a {parsed.ResultType!.Name}, which is not a collection.");
            expressions.Remove(new ExpressionKey(node.Id, ExpressionPurpose.Collection));
            return parameters;
        }

        var body = BodyParameters(loop.ElementVariable, elementType, parameters);
        if ((loop.OutputCollection is null) != (loop.OutputElement is null) || (loop.OutputCollection is { } name && !IsIdentifier(name)))
        {
            Report(node.Id, loop.Location, BpmnCodes.InvalidMultiInstance, $"The multi-instance {node.Describe()} needs both o2c:outputCollection (a variable name) and o2c:outputElement (the expression giving each item's result), or neither.");
        }
        else if (loop.OutputElement is { } element)
        {
            Check(node.Id, loop.Location, new ExpressionKey(node.Id, ExpressionPurpose.OutputElement), element, OutputParameters(node, body), null, "multi-instance output element");
        }

        return body;
    }

    /// <summary>What expressions inside a multi-instance item see: the item, its index, then the outer variables.</summary>
    private static IReadOnlyList<ExpressionParameter> BodyParameters(string elementVariable, Type elementType, IReadOnlyList<ExpressionParameter> parameters) =>
        [new ExpressionParameter(elementVariable, elementType), new ExpressionParameter("loopCounter", typeof(int)),
            .. parameters.Where(p => p.Name != elementVariable && p.Name != "loopCounter")];

    internal static Type? ElementTypeOf(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }
}
