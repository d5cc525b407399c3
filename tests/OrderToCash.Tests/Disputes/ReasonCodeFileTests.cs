using OrderToCash.Core.Disputes;
using OrderToCash.Core.Reasons;

namespace OrderToCash.Tests.Disputes;

public sealed class ReasonCodeFileTests
{
    [Fact]
    public void The_shipped_taxonomy_file_is_valid_and_maps_every_e_invoicing_code_of_the_domain()
    {
        var path = Path.Combine(RepositoryPaths.Root, ReasonCodeFile.DefaultRelativePath);

        var result = ReasonCodeFile.Parse(File.ReadAllText(path), path);

        result.Problems.Should().BeEmpty();
        result.Codes.SelectMany(c => c.EInvoicingCodeList).Should().BeEquivalentTo(
            "PU_ERR", "REM_ERR", "QTE_ERR", "LIVR_INCOMP", "ART_ERR", "QUALITE_ERR", "CMD_ERR", "REF_CT_ABSENT", "REF_ERR",
            "ADR_ERR", "SIRET_ERR", "DEST_ERR", "NON_TRANSMISE", "DOUBLON", "TX_TVA_ERR", "CALCUL_ERR", "MODPAI_ERR", "JUSTIF_ABS");
        result.Codes.Where(c => c.Kind == ReasonKind.LatePayment).Select(c => c.Code).Should().BeEquivalentTo(
            "CUSTOMER_CASH_DIFFICULTY", "APPROVAL_DELAY_AT_CUSTOMER", "PAID_NOT_APPLIED", "AWAITING_CREDIT_NOTE");
    }

    [Fact]
    public void An_invalid_file_loads_nothing_and_names_each_entry_and_field()
    {
        const string json = """
            { "reasons": [
              { "code": "PRICE_ERROR", "kind": "Dispute", "label": "Price", "department": "ADV", "eInvoicingCodes": ["PU_ERR"] },
              { "code": "PRICE_ERROR", "kind": "Maybe", "label": "Again", "department": "ADV" },
              { "code": "OTHER", "kind": "Dispute", "department": "ADV", "eInvoicingCodes": ["PU_ERR", 5] }
            ] }
            """;

        var result = ReasonCodeFile.Parse(json, "reasons.json");

        result.Codes.Should().BeEmpty();
        result.Problems.Should().BeEquivalentTo(
            "reasons.json: reasons[1].code: 'PRICE_ERROR' appears twice.",
            "reasons.json: reasons[1].kind: 'Maybe' is not a kind; use Dispute or LatePayment.",
            "reasons.json: reasons[2].label: a non-empty text is required.",
            "reasons.json: reasons[2].eInvoicingCodes: '5' is not a code (upper-case letters, digits and underscores).",
            "reasons.json: reasons[2].eInvoicingCodes: 'PU_ERR' already maps to PRICE_ERROR; an e-invoicing code must map to one reason.");
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_line()
    {
        var result = ReasonCodeFile.Parse("{ \"reasons\": [ { \"code\": } ] }", "reasons.json");

        result.Codes.Should().BeEmpty();
        result.Problems.Should().ContainSingle().Which.Should().StartWith("reasons.json(1,").And.Contain("not valid JSON");
    }

    [Fact]
    public void The_department_map_is_read_and_each_wrong_line_is_named()
    {
        const string good = """{ "reasons": [], "departments": { "ADV": ["SalesAdministration", "Collector"], "Logistics": [] } }""";
        const string bad = """{ "reasons": [], "departments": { "ADV": ["Janitor"], "Bad name": ["Collector"], "Sales": "Salesperson" } }""";

        var read = ReasonCodeFile.Parse(good, "reasons.json");
        var refused = ReasonCodeFile.Parse(bad, "reasons.json");

        read.Problems.Should().BeEmpty();
        read.Departments.Select(d => (d.Department, d.Role)).Should().Equal(("ADV", "SalesAdministration"), ("ADV", "Collector"));
        refused.Departments.Should().BeEmpty();
        refused.Problems.Should().BeEquivalentTo(
            "reasons.json: departments.ADV: 'Janitor' is not a role a department can be given; use SalesAdministration, Salesperson, CreditManager, Collector.",
            "reasons.json: departments.Bad name: 'Bad name' is not a department name: a letter then letters and digits, at most 50.",
            "reasons.json: departments.Sales: expected an array of roles such as [\"Collector\"].");
    }

    [Fact]
    public void The_shipped_file_gives_each_back_office_department_its_roles()
    {
        var path = Path.Combine(RepositoryPaths.Root, "reasons", "reason-codes.json");

        var result = ReasonCodeFile.Parse(File.ReadAllText(path), path);

        result.Problems.Should().BeEmpty();
        result.Departments.Where(d => d.Role == "Collector").Select(d => d.Department).Should().BeEquivalentTo("Collections", "CashApplication", "Accounting", "Treasury");
        result.Departments.Should().NotContain(d => d.Department == "Logistics", "logistics answers to Quality and the process owner only");
    }
}
