using System.Text.Json;
using OrderToCash.Core.Credit;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Definitions;
using OrderToCash.Engine.Rules.Inputs;
using OrderToCash.Engine.Rules.WhatIf;

namespace OrderToCash.Tests.Rules;

/// <summary>A rule file's <c>"Inputs"</c>: read, typed, enforced on expressions, and compared with the code's records.</summary>
public class DeclaredInputTests
{
    private const string BigOrder = """
        {
          "$schema": "./rule-file.schema.json",
          "WorkflowName": "big-order",
          "Inputs": { "order": { "Amount": "decimal", "Currency": "string", "Lines": [ { "Sku": "string", "Quantity": "int" } ],
                                 "Tags": "string[]", "Due": "date", "PlacedAt": "datetime", "Discount": "decimal?", "Urgent": "bool" } },
          "Rules": [
            { "RuleName": "BigOrder", "Expression": "order.Amount > 1000", "SuccessEvent": "review" },
            { "RuleName": "ManyLines", "Expression": "order.Lines.Sum(l => l.Quantity) >= 10 && order.Currency == \"EUR\"", "SuccessEvent": "bulk" }
          ]
        }
        """;

    private static RuleSetDefinition Read(string json)
    {
        var read = RuleFileReader.Read("x.json", json);
        read.Diagnostics.Should().BeEmpty();
        return read.RuleSets.Should().ContainSingle().Subject;
    }

    private static List<string> Problems(string inputsJson)
    {
        var problems = new List<string>();
        using var document = JsonDocument.Parse(inputsJson);
        InputDeclarationReader.Read(document.RootElement, problems.Add);
        return problems;
    }

    [Fact]
    public void The_declaration_is_read_with_every_type_in_file_order()
    {
        var inputs = Read(BigOrder).Inputs!;

        var order = inputs.Parameters.Should().ContainSingle().Subject;
        order.Name.Should().Be("order");
        order.Type.Fields!.Select(f => $"{f.Name}: {f.Type.Text}").Should().Equal(
            "Amount: decimal", "Currency: string", "Lines: { Sku: string, Quantity: int }[]", "Tags: string[]", "Due: date",
            "PlacedAt: datetime", "Discount: decimal?", "Urgent: bool");
    }

    [Theory]
    [InlineData("""{ "order": { "Amount": "money" } }""", "Inputs.order.Amount: unknown type 'money'")]
    [InlineData("""{ "order": { "Amount": 12 } }""", "Inputs.order.Amount must be a type name")]
    [InlineData("""{ "order": "decimal" }""", "Inputs.order must be an object of fields")]
    [InlineData("""{ "order": { } }""", "Inputs.order declares no field")]
    [InlineData("""{ }""", "Inputs declares no parameter")]
    [InlineData("""{ "order": { "Amount": "decimal", "amount": "int" } }""", "Inputs.order.amount is declared twice")]
    [InlineData("""{ "1st": { "Amount": "decimal" } }""", "the parameter name '1st' must be a name of letters")]
    [InlineData("""{ "order": { "new": "int" } }""", "is a word of the expression language")]
    [InlineData("""[ "order" ]""", "Inputs must be an object")]
    public void A_bad_declaration_is_refused_naming_where_and_why(string inputs, string expected)
    {
        Problems(inputs).Should().ContainSingle().Which.Should().Contain(expected);
    }

    [Fact]
    public void A_bad_declaration_makes_the_file_invalid_and_names_the_rule_set()
    {
        var read = RuleFileReader.Read("x.json", """{ "WorkflowName": "w", "Inputs": { "order": { "Amount": "money" } }, "Rules": [ { "RuleName": "R", "Expression": "true" } ] }""");

        read.RuleSets.Should().BeEmpty();
        read.Diagnostics.Should().ContainSingle(d => d.Code == RuleDiagnosticCodes.InvalidField && d.Element == "w" && d.Message.Contains("'money'"));
    }

    [Fact]
    public void Declared_types_are_real_types_so_amounts_compare_as_decimals()
    {
        var bindings = DeclaredInputTypes.Bindings(Read(BigOrder).Inputs!);

        var order = bindings.Should().ContainSingle().Subject.Type;
        order.GetProperty("Amount")!.PropertyType.Should().Be<decimal>();
        order.GetProperty("Due")!.PropertyType.Should().Be<DateOnly>();
        order.GetProperty("PlacedAt")!.PropertyType.Should().Be<DateTime>();
        order.GetProperty("Discount")!.PropertyType.Should().Be<decimal?>();
        order.GetProperty("Tags")!.PropertyType.Should().Be<string[]>();
        order.GetProperty("Lines")!.PropertyType.GetElementType()!.GetProperty("Quantity")!.PropertyType.Should().Be<int>();
        DeclaredInputTypes.Bindings(Read(BigOrder).Inputs!)[0].Type.Should().BeSameAs(order, "the same declaration yields the same type");
    }

    [Fact]
    public void A_rule_set_the_code_does_not_know_with_declared_inputs_compiles_and_evaluates_typed_values()
    {
        var compilation = new RuleSetCompiler(new RuleSetCatalog()).Compile(Read(BigOrder));

        compilation.Diagnostics.Should().BeEmpty();
        var ruleSet = compilation.RuleSet!;
        var order = JsonDocument.Parse("""{ "amount": 1000.01, "currency": "EUR", "lines": [ { "sku": "A", "quantity": 4 }, { "sku": "B", "quantity": 6 } ], "due": "2026-12-31" }""")
            .RootElement.Deserialize(ruleSet.Inputs[0].Type, WhatIfRunner.InputOptions);
        var outcome = ruleSet.Evaluate(order);
        outcome.Find("BigOrder")!.IsSuccess.Should().BeTrue("1000.01 > 1000 as decimals");
        outcome.Find("ManyLines")!.IsSuccess.Should().BeTrue();

        var small = JsonDocument.Parse("""{ "amount": 1000.00, "currency": "USD", "lines": [] }""").RootElement.Deserialize(ruleSet.Inputs[0].Type, WhatIfRunner.InputOptions);
        ruleSet.Evaluate(small).Rules.Should().OnlyContain(r => !r.IsSuccess);
    }

    [Theory]
    [InlineData("order.Amunt > 1000", "Rule 'BigOrder': 'order.Amunt' is not a declared input of 'order' (declared: Amount, Currency).")]
    [InlineData("order.Customer.Country == \"FR\"", "Rule 'BigOrder': 'order.Customer' is not a declared input of 'order' (declared: Amount, Currency).")]
    [InlineData("ORDER.amount > 0 && order.Vat > 0", "Rule 'BigOrder': 'order.Vat' is not a declared input of 'order' (declared: Amount, Currency).")]
    public void An_expression_reading_an_undeclared_field_is_refused_naming_the_rule_and_the_field(string expression, string message)
    {
        var json = $$"""{ "WorkflowName": "big-order", "Inputs": { "order": { "Amount": "decimal", "Currency": "string" } }, "Rules": [ { "RuleName": "BigOrder", "Expression": {{JsonSerializer.Serialize(expression)}} } ] }""";

        var compilation = new RuleSetCompiler(new RuleSetCatalog()).Compile(Read(json));

        compilation.Succeeded.Should().BeFalse();
        compilation.Diagnostics.Should().ContainSingle().Which.Should().Match<OrderToCash.Engine.Diagnostics.Diagnostic>(d =>
            d.Code == RuleDiagnosticCodes.UndeclaredInput && d.Element == "big-order/BigOrder" && d.Message == message);
    }

    [Fact]
    public void An_undeclared_field_of_a_list_item_is_refused_too()
    {
        var json = """{ "WorkflowName": "w", "Inputs": { "order": { "Lines": [ { "Quantity": "int" } ] } }, "Rules": [ { "RuleName": "R", "Expression": "order.Lines.Any(l => l.Qty > 3)" } ] }""";

        var compilation = new RuleSetCompiler(new RuleSetCatalog()).Compile(Read(json));

        compilation.Succeeded.Should().BeFalse();
        compilation.Diagnostics.Should().Contain(d => d.Element == "w/R" && d.Message.Contains("Qty"));
    }

    [Fact]
    public void An_undeclared_parameter_is_refused_naming_it()
    {
        var json = """{ "WorkflowName": "w", "Inputs": { "order": { "Amount": "decimal" } }, "Rules": [ { "RuleName": "R", "Expression": "customer.Amount > 3" } ] }""";

        var compilation = new RuleSetCompiler(new RuleSetCatalog()).Compile(Read(json));

        compilation.Diagnostics.Should().ContainSingle(d => d.Element == "w/R" && d.Message.Contains("customer"));
    }

    [Fact]
    public void A_file_without_inputs_whose_expressions_use_none_stays_valid()
    {
        var compilation = new RuleSetCompiler(new RuleSetCatalog()).Compile(Read("""{ "WorkflowName": "w", "Rules": [ { "RuleName": "R", "Expression": "1 + 2 == 3" } ] }"""));

        compilation.Diagnostics.Should().BeEmpty();
        compilation.RuleSet!.Declaration.Should().BeNull();
    }

    [Fact]
    public void A_built_in_rule_set_whose_declaration_differs_from_its_record_is_refused_naming_parameter_and_field()
    {
        var catalog = new RuleSetCatalog().Register("credit-limit", new RuleInputBinding("check", typeof(CreditCheckInput)));
        var json = """
            { "WorkflowName": "credit-limit",
              "Inputs": { "check": { "OrderAmount": "decimal", "Exposure": "int", "InternalLimit": "decimal", "InsurerCover": "decimal", "OverdueAmount": "decimal",
                                     "OldestOverdueDays": "int", "RiskClass": "string", "AccountAgeDays": "int", "Score": "int" } },
              "Rules": [ { "RuleName": "R", "Expression": "true" } ] }
            """;

        var compilation = new RuleSetCompiler(catalog).Compile(Read(json));

        compilation.Succeeded.Should().BeFalse();
        compilation.Diagnostics.Select(d => d.Message).Should().BeEquivalentTo(
            "Rule set 'credit-limit', input 'check': field 'Exposure' is declared 'int' but CreditCheckInput.Exposure is 'decimal'.",
            "Rule set 'credit-limit', input 'check': the declared field 'Score' (int) is not in CreditCheckInput.",
            "Rule set 'credit-limit', input 'check': CreditCheckInput.PaidInvoiceCount is not declared (declare it, e.g. \"PaidInvoiceCount\": \"int\").");
        compilation.Diagnostics.Should().OnlyContain(d => d.Code == RuleDiagnosticCodes.InputModelMismatch);
    }

    [Fact]
    public void A_built_in_rule_set_without_a_declaration_is_described_from_its_record()
    {
        var catalog = new RuleSetCatalog().Register("test", new RuleInputBinding("check", typeof(CreditCheckInput)));

        var compiled = new RuleSetCompiler(catalog).Compile(Read("""{ "WorkflowName": "test", "Rules": [ { "RuleName": "R", "Expression": "check.OrderAmount > 0" } ] }""")).RuleSet!;

        compiled.Declaration!.Find("check")!.Find("RiskClass")!.Type.Text.Should().Be("string");
    }

    [Fact]
    public void An_expression_cannot_reach_the_data_class_machinery_of_declared_inputs()
    {
        var json = """{ "WorkflowName": "w", "Inputs": { "order": { "Amount": "decimal" } }, "Rules": [ { "RuleName": "R", "Expression": "order.GetDynamicMemberNames().Count() > 0" } ] }""";

        var compilation = new RuleSetCompiler(new RuleSetCatalog()).Compile(Read(json));

        compilation.Succeeded.Should().BeFalse();
        compilation.Diagnostics.Should().Contain(d => d.Element == "w/R");
    }
}
