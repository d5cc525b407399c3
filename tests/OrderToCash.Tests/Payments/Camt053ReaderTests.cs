using OrderToCash.Core.Payments;
using OrderToCash.TestSupport;

namespace OrderToCash.Tests.Payments;

public sealed class Camt053ReaderTests
{
    [Fact]
    public void A_statement_gives_each_entry_with_its_reference_amount_direction_debtor_and_remittance_text()
    {
        var xml = Camt053Sample.Statement("STMT-1",
            new Camt053Line("REF-1", 1200.50m, "Facture FA-2026-000001", "FR76 3000 3012 3481 5199 7587 343", DebtorName: "Transports Morel"),
            new Camt053Line("REF-2", 80m, Indicator: "DBIT"),
            new Camt053Line("REF-3", 5m, Status: "PDNG"));

        var (file, problems) = Camt053Reader.Read(xml);

        problems.Should().BeEmpty();
        file!.MessageId.Should().Be("MSG-STMT-1");
        var statement = file.Statements.Should().ContainSingle().Subject;
        statement.Account.Should().Be(Camt053Sample.Account);
        statement.Entries.Select(e => (e.Reference, e.Amount, e.IsReceipt)).Should().Equal(("REF-1", 1200.50m, true), ("REF-2", 80m, false), ("REF-3", 5m, false));
        var first = statement.Entries[0];
        first.Currency.Should().Be("EUR");
        first.BookedOn.Should().Be(new DateOnly(2026, 1, 5));
        first.DebtorIban.Should().Be("FR7630003012348151997587343", "IBANs are compared without spaces");
        first.DebtorName.Should().Be("Transports Morel");
        first.RemittanceInfo.Should().Be("Facture FA-2026-000001");
    }

    [Fact]
    public void The_status_is_read_in_the_newer_versions_layout_too()
    {
        var xml = Camt053Sample.Statement("STMT-8", new Camt053Line("REF-1", 10m))
            .Replace("camt.053.001.02", "camt.053.001.08", StringComparison.Ordinal)
            .Replace("<Sts>BOOK</Sts>", "<Sts><Cd>BOOK</Cd></Sts>", StringComparison.Ordinal);

        var (file, problems) = Camt053Reader.Read(xml);

        problems.Should().BeEmpty();
        file!.Statements[0].Entries[0].IsReceipt.Should().BeTrue();
    }

    [Fact]
    public void An_amount_written_with_a_decimal_comma_refuses_the_whole_file_naming_its_line()
    {
        var xml = Camt053Sample.Statement("STMT-1", new Camt053Line("REF-1", 10m), new Camt053Line("REF-2", 12.5m))
            .Replace(">12.50<", ">12,50<", StringComparison.Ordinal);
        var line = xml.Split('\n').ToList().FindIndex(l => l.Contains("12,50", StringComparison.Ordinal)) + 1;

        var (file, problems) = Camt053Reader.Read(xml);

        file.Should().BeNull();
        var problem = problems.Should().ContainSingle().Subject;
        problem.Line.Should().Be(line);
        problem.Reason.Should().Contain("'12,50' is not a decimal number");
    }

    [Theory]
    [InlineData("<AcctSvcrRef>REF-1</AcctSvcrRef>", "", "neither AcctSvcrRef nor NtryRef")]
    [InlineData("<CdtDbtInd>CRDT</CdtDbtInd>", "<CdtDbtInd>CREDIT</CdtDbtInd>", "CdtDbtInd must be CRDT or DBIT")]
    [InlineData("<Amt Ccy=\"EUR\">10.00</Amt>", "<Amt Ccy=\"eur\">10.00</Amt>", "is not an ISO 4217 code")]
    [InlineData("<Amt Ccy=\"EUR\">10.00</Amt>", "<Amt Ccy=\"EUR\">10.005</Amt>", "more than two decimals")]
    [InlineData("<Amt Ccy=\"EUR\">10.00</Amt>", "<Amt Ccy=\"EUR\">2000000000.00</Amt>", "above the largest amount")]
    [InlineData("<BookgDt><Dt>2026-01-05</Dt></BookgDt>", "<BookgDt><Dt>05/01/2026</Dt></BookgDt>", "booking date")]
    [InlineData("<Sts>BOOK</Sts>", "", "no Sts")]
    public void An_entry_missing_what_the_import_needs_refuses_the_file_with_the_reason(string find, string replacement, string reason)
    {
        var xml = Camt053Sample.Statement("STMT-1", new Camt053Line("REF-1", 10m)).Replace(find, replacement, StringComparison.Ordinal);

        var (file, problems) = Camt053Reader.Read(xml);

        file.Should().BeNull();
        problems.Should().ContainSingle().Which.Reason.Should().Contain(reason);
        problems[0].Line.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Two_entries_of_one_account_with_the_same_reference_refuse_the_file()
    {
        var (file, problems) = Camt053Reader.Read(Camt053Sample.Statement("STMT-1", new Camt053Line("REF-1", 10m), new Camt053Line("REF-1", 11m)));

        file.Should().BeNull();
        problems.Should().ContainSingle().Which.Reason.Should().Contain("'REF-1' is given to two entries");
    }

    [Fact]
    public void Text_that_is_not_xml_is_refused_with_the_line_where_it_breaks()
    {
        var (file, problems) = Camt053Reader.Read("<?xml version=\"1.0\"?>\n<Document>\n  <BkToCstmrStmt>\n</Document>");

        file.Should().BeNull();
        problems.Should().ContainSingle().Which.Should().Match<BankStatementProblem>(p => p.Line == 4 && p.Reason.StartsWith("The file is not well-formed XML", StringComparison.Ordinal));
    }

    [Fact]
    public void Another_iso_20022_message_is_not_taken_for_a_statement()
    {
        var xml = Camt053Sample.Statement("STMT-1", new Camt053Line("REF-1", 10m)).Replace("camt.053.001.02", "camt.054.001.02", StringComparison.Ordinal);

        var (_, problems) = Camt053Reader.Read(xml);

        problems.Should().ContainSingle().Which.Reason.Should().Contain("not a camt.053 Document");
    }

    [Fact]
    public void A_document_type_definition_is_refused_before_any_entity_is_expanded()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">&b;</Document>";

        var (file, problems) = Camt053Reader.Read(xml);

        file.Should().BeNull();
        problems.Should().ContainSingle().Which.Reason.Should().Contain("DTD");
    }

    [Fact]
    public void Nesting_deeper_than_a_statement_ever_does_is_refused_at_the_first_element_too_deep()
    {
        var xml = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">" + string.Concat(Enumerable.Repeat("<a>", 10_000)) + string.Concat(Enumerable.Repeat("</a>", 10_000)) + "</Document>";

        var (file, problems) = Camt053Reader.Read(xml);

        file.Should().BeNull();
        problems.Should().ContainSingle().Which.Reason.Should().Contain($"more than {Camt053Reader.MaxDepth} levels deep");
    }
}
