using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace OrderToCash.IntegrationTests.Persistence;

/// <summary>No SQL Server runs here: its migration script is checked offline with Microsoft's own T-SQL parser.</summary>
internal static class SqlServerScriptChecker
{
    /// <summary>Every parse error, as "line L, column C: message"; empty when the whole script is valid T-SQL.</summary>
    public static IReadOnlyList<string> ParseErrors(string script)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }
}
