using System.Globalization;
using System.Text;

namespace OrderToCash.TestSupport;

/// <summary>One line of a test statement: a booked credit unless told otherwise.</summary>
internal sealed record Camt053Line(
    string Reference, decimal Amount, string? Remittance = null, string? DebtorIban = null, string Currency = "EUR",
    string Indicator = "CRDT", string Status = "BOOK", string BookedOn = "2026-01-05", string? DebtorName = null);

/// <summary>Writes a camt.053.001.02 statement (the layout French banks send) for tests, one line per entry.</summary>
internal static class Camt053Sample
{
    public const string Account = "FR7630004000031234567890143";

    public static string Statement(string statementId, params Camt053Line[] lines)
    {
        var xml = new StringBuilder();
        xml.Append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
              <BkToCstmrStmt>
                <GrpHdr><MsgId>MSG-
            """).Append(statementId).Append("""
            </MsgId><CreDtTm>2026-01-05T18:00:00</CreDtTm></GrpHdr>
                <Stmt>
                  <Id>
            """).Append(statementId).Append("""
            </Id>
                  <CreDtTm>2026-01-05T18:00:00</CreDtTm>
                  <Acct><Id><IBAN>
            """).Append(Account).Append("""
            </IBAN></Id><Ccy>EUR</Ccy></Acct>

            """);
        foreach (var line in lines)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""
                      <Ntry>
                        <Amt Ccy="{line.Currency}">{line.Amount.ToString("0.00", CultureInfo.InvariantCulture)}</Amt>
                        <CdtDbtInd>{line.Indicator}</CdtDbtInd>
                        <Sts>{line.Status}</Sts>
                        <BookgDt><Dt>{line.BookedOn}</Dt></BookgDt>
                        <ValDt><Dt>{line.BookedOn}</Dt></ValDt>
                        <AcctSvcrRef>{line.Reference}</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls>
                          <Refs><EndToEndId>E2E-{line.Reference}</EndToEndId></Refs>
                          <RltdPties>{(line.DebtorName is null ? string.Empty : $"<Dbtr><Nm>{line.DebtorName}</Nm></Dbtr>")}{(line.DebtorIban is null ? string.Empty : $"<DbtrAcct><Id><IBAN>{line.DebtorIban}</IBAN></Id></DbtrAcct>")}</RltdPties>
                          {(line.Remittance is null ? string.Empty : $"<RmtInf><Ustrd>{line.Remittance}</Ustrd></RmtInf>")}
                        </TxDtls></NtryDtls>
                      </Ntry>

                """);
        }

        xml.Append("""
                </Stmt>
              </BkToCstmrStmt>
            </Document>
            """);
        return xml.ToString();
    }
}
