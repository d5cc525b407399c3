using Mono.Cecil;

namespace OrderToCash.IntegrationTests.Architecture;

/// <summary>
/// Which types a compiled assembly's types name, read from its IL with Mono.Cecil: base types, interfaces, attributes,
/// fields, properties, method signatures, locals and every type, method or field a method body refers to. A nested or
/// compiler-generated type (a lambda's closure, an async state machine) counts as its outermost declaring type.
/// </summary>
internal static class TypeDependencies
{
    public static IReadOnlyList<(string From, string To)> Of(string assemblyPath)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        var edges = new HashSet<(string, string)>();
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var from = Outermost(type).FullName;
            foreach (var to in Named(type))
            {
                var target = Outermost(to).FullName;
                if (target != from)
                {
                    edges.Add((from, target));
                }
            }
        }

        return [.. edges];
    }

    /// <summary>The namespace a type is declared in (a nested type: its outermost declaring type's).</summary>
    public static string NamespaceOf(string fullName)
    {
        var end = fullName.LastIndexOf('.');
        return end < 0 ? string.Empty : fullName[..end];
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static List<TypeReference> Named(TypeDefinition type)
    {
        var named = new List<TypeReference>();
        void Add(TypeReference? reference)
        {
            switch (reference)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    generic.GenericArguments.ToList().ForEach(Add);
                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    return;
                default:
                    named.Add(reference);
                    return;
            }
        }

        void AddMethod(MethodReference method)
        {
            Add(method.DeclaringType);
            Add(method.ReturnType);
            method.Parameters.ToList().ForEach(p => Add(p.ParameterType));
            if (method is GenericInstanceMethod generic)
            {
                generic.GenericArguments.ToList().ForEach(Add);
            }
        }

        void AddAttributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
                attribute.ConstructorArguments.Select(a => a.Value).OfType<TypeReference>().ToList().ForEach(Add);
            }
        }

        Add(type.BaseType);
        type.Interfaces.ToList().ForEach(i => Add(i.InterfaceType));
        AddAttributes(type);
        type.GenericParameters.SelectMany(p => p.Constraints).ToList().ForEach(c => Add(c.ConstraintType));
        foreach (var field in type.Fields)
        {
            Add(field.FieldType);
            AddAttributes(field);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType);
            AddAttributes(property);
        }

        foreach (var method in type.Methods)
        {
            AddMethod(method);
            AddAttributes(method);
            method.Parameters.ToList().ForEach(AddAttributes);
            method.GenericParameters.SelectMany(p => p.Constraints).ToList().ForEach(c => Add(c.ConstraintType));
            if (!method.HasBody)
            {
                continue;
            }

            method.Body.Variables.ToList().ForEach(v => Add(v.VariableType));
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference operand:
                        Add(operand);
                        break;
                    case MethodReference operand:
                        AddMethod(operand);
                        break;
                    case FieldReference operand:
                        Add(operand.DeclaringType);
                        Add(operand.FieldType);
                        break;
                }
            }
        }

        return named;
    }
}
