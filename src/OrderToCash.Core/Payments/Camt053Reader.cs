using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using OrderToCash.Core.Customers;
using OrderToCash.Engine.Xml;

namespace OrderToCash.Core.Payments;

/// <summary>
/// Reads an ISO 20022 camt.053 bank statement (BankToCustomerStatement, any version 001.xx) with System.Xml: no DTD,
/// nothing external resolved, bounded size and nesting. Every problem is collected with its line, and a file with any
/// problem is refused whole (ADR 0083): a statement half understood would apply half the money.
/// </summary>
public static class Camt053Reader
{
    /// <summary>The largest statement accepted (a year of a busy account's entries is a few MB).</summary>
    public const long MaxCharacters = 16 * 1024 * 1024;

    /// <summary>camt.053 nests about fifteen levels; deeper is not a statement.</summary>
    public const int MaxDepth = 64;

    public const string NamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.";

    /// <summary>At most this many problems are listed: the first ones say what is wrong with the file.</summary>
    private const int MaxProblems = 50;

    /// <summary>The statement file, or the problems that refuse it (line and reason).</summary>
    public static (BankStatementFile? File, IReadOnlyList<BankStatementProblem> Problems) Read(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length > MaxCharacters)
        {
            return Refused(new BankStatementProblem(0, 0, $"The file is larger than {MaxCharacters:N0} characters."));
        }

        XDocument document;
        try
        {
            if (SafeXmlLoader.FindTooDeep(xml, MaxDepth, MaxCharacters) is { } deep)
            {
                return Refused(new BankStatementProblem(deep.Line, deep.Column, $"The file nests XML elements more than {MaxDepth} levels deep; a camt.053 statement nests about fifteen."));
            }

            using var text = new StringReader(xml);
            document = SafeXmlLoader.Load(text, MaxCharacters);
        }
        catch (XmlException ex)
        {
            return Refused(new BankStatementProblem(ex.LineNumber, ex.LinePosition, $"The file is not well-formed XML: {ex.Message}"));
        }

        var root = document.Root!;
        if (root.Name.LocalName != "Document" || !root.Name.NamespaceName.StartsWith(NamespacePrefix, StringComparison.Ordinal))
        {
            return Refused(At(root, $"The root element is {{{root.Name.NamespaceName}}}{root.Name.LocalName}, not a camt.053 Document ({NamespacePrefix}xx): this is not an ISO 20022 bank statement."));
        }

        var ns = root.Name.Namespace;
        var problems = new List<BankStatementProblem>();
        var body = root.Element(ns + "BkToCstmrStmt");
        if (body is null)
        {
            return Refused(At(root, "The Document has no BkToCstmrStmt (BankToCustomerStatement)."));
        }

        var messageId = Required(body.Element(ns + "GrpHdr")?.Element(ns + "MsgId"), body, "GrpHdr/MsgId (the message id)", problems);
        var statements = new List<BankStatement>();
        var stmts = body.Elements(ns + "Stmt").ToList();
        if (stmts.Count == 0)
        {
            problems.Add(At(body, "The file has no Stmt: a statement without an account and entries cannot be imported."));
        }

        foreach (var stmt in stmts)
        {
            statements.Add(ReadStatement(stmt, ns, problems));
        }

        return problems.Count > 0
            ? (null, problems.Take(MaxProblems).ToList())
            : (new BankStatementFile(messageId, statements), []);
    }

    private static BankStatement ReadStatement(XElement stmt, XNamespace ns, List<BankStatementProblem> problems)
    {
        var id = Required(stmt.Element(ns + "Id"), stmt, "Stmt/Id (the statement id)", problems);
        var accountId = stmt.Element(ns + "Acct")?.Element(ns + "Id");
        var account = accountId?.Element(ns + "IBAN") is { } iban
            ? Iban.Normalize(iban.Value)
            : accountId?.Element(ns + "Othr")?.Element(ns + "Id")?.Value.Trim();
        if (string.IsNullOrEmpty(account))
        {
            problems.Add(At(stmt, "The statement has no account (Acct/Id/IBAN or Acct/Id/Othr/Id): entry references are unique per account."));
            account = string.Empty;
        }
        else if (account.Length > 34)
        {
            problems.Add(At(accountId!, $"The account '{account}' is longer than 34 characters."));
        }

        var entries = new List<BankEntry>();
        var references = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ntry in stmt.Elements(ns + "Ntry"))
        {
            if (ReadEntry(ntry, ns, problems) is not { } entry)
            {
                continue;
            }

            if (!references.Add(entry.Reference))
            {
                problems.Add(At(ntry, $"The reference '{entry.Reference}' is given to two entries of account {account}: the bank's reference must identify one entry."));
            }

            entries.Add(entry);
        }

        return new BankStatement(id, account, entries);
    }

    private static BankEntry? ReadEntry(XElement ntry, XNamespace ns, List<BankStatementProblem> problems)
    {
        var before = problems.Count;
        var line = ((IXmlLineInfo)ntry).LineNumber;
        var reference = (ntry.Element(ns + "AcctSvcrRef") ?? ntry.Element(ns + "NtryRef"))?.Value.Trim();
        if (string.IsNullOrEmpty(reference))
        {
            problems.Add(At(ntry, "The entry has neither AcctSvcrRef nor NtryRef: without the bank's reference a second import of it could not be recognised."));
        }
        else if (reference.Length > 64)
        {
            problems.Add(At(ntry, $"The entry reference '{reference[..20]}…' is longer than 64 characters."));
        }

        var amountElement = ntry.Element(ns + "Amt");
        decimal amount = 0m;
        var currency = amountElement?.Attribute("Ccy")?.Value ?? string.Empty;
        if (amountElement is null)
        {
            problems.Add(At(ntry, "The entry has no Amt (amount)."));
        }
        else if (!decimal.TryParse(amountElement.Value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            problems.Add(At(amountElement, $"The amount '{amountElement.Value}' is not a decimal number (digits and a point, e.g. 1250.40)."));
        }
        else if (Money.AmountProblem(amount, "The amount") is { } amountProblem)
        {
            problems.Add(At(amountElement, amountProblem));
        }

        if (amountElement is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
        {
            problems.Add(At(amountElement, $"The amount's currency (Ccy) '{currency}' is not an ISO 4217 code (three capital letters, e.g. EUR)."));
        }

        var indicator = ntry.Element(ns + "CdtDbtInd")?.Value.Trim();
        if (indicator is not ("CRDT" or "DBIT"))
        {
            problems.Add(At(ntry.Element(ns + "CdtDbtInd") ?? ntry, $"CdtDbtInd must be CRDT or DBIT, not '{indicator}'."));
        }

        // camt.053.001.02-.07 write <Sts>BOOK</Sts>; later versions <Sts><Cd>BOOK</Cd></Sts>.
        var statusElement = ntry.Element(ns + "Sts");
        var status = (statusElement?.Element(ns + "Cd") ?? statusElement)?.Value.Trim();
        if (status is null)
        {
            problems.Add(At(ntry, "The entry has no Sts (status BOOK, PDNG or INFO)."));
        }

        var booking = ntry.Element(ns + "BookgDt");
        var dateText = (booking?.Element(ns + "Dt") ?? booking?.Element(ns + "DtTm"))?.Value.Trim();
        var bookedOn = default(DateOnly);
        if (dateText is null || dateText.Length < 10
            || !DateOnly.TryParseExact(dateText[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out bookedOn))
        {
            problems.Add(At(booking ?? ntry, $"The booking date (BookgDt/Dt) '{dateText}' is missing or not a date (yyyy-MM-dd)."));
        }

        if (problems.Count > before)
        {
            return null;
        }

        var details = ntry.Element(ns + "NtryDtls");
        var debtorIban = details?.Descendants(ns + "DbtrAcct").Descendants(ns + "IBAN").FirstOrDefault()?.Value;
        var debtorName = details?.Descendants(ns + "Dbtr").Descendants(ns + "Nm").FirstOrDefault()?.Value.Trim();
        var remittance = string.Join(" ", (details?.Descendants(ns + "RmtInf") ?? [])
            .SelectMany(r => r.Descendants().Where(e => e.Name == ns + "Ustrd" || (e.Name == ns + "Ref" && e.Parent?.Name == ns + "CdtrRefInf")))
            .Select(e => e.Value.Trim())
            .Concat(ntry.Elements(ns + "AddtlNtryInf").Select(e => e.Value.Trim()))
            .Where(v => v.Length > 0));
        return new BankEntry(line, reference!, amount, currency, indicator == "CRDT", status == "BOOK",
            string.Equals(ntry.Element(ns + "RvslInd")?.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase),
            bookedOn, string.IsNullOrEmpty(debtorName) ? null : Truncate(debtorName, 140),
            debtorIban is null ? null : Iban.Normalize(debtorIban), Truncate(remittance, 1000));
    }

    private static string Required(XElement? element, XElement parent, string what, List<BankStatementProblem> problems)
    {
        var value = element?.Value.Trim();
        if (string.IsNullOrEmpty(value))
        {
            problems.Add(At(element ?? parent, $"{what} is missing."));
            return string.Empty;
        }

        if (value.Length > 35)
        {
            problems.Add(At(element!, $"{what} '{value[..20]}…' is longer than 35 characters."));
        }

        return value;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    private static BankStatementProblem At(XElement element, string reason)
    {
        var position = (IXmlLineInfo)element;
        return new BankStatementProblem(position.LineNumber, position.LinePosition, reason);
    }

    private static (BankStatementFile?, IReadOnlyList<BankStatementProblem>) Refused(BankStatementProblem problem) => (null, [problem]);
}
