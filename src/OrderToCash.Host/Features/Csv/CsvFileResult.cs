using System.Globalization;
using System.Text;
using OrderToCash.Core.Kpis;

namespace OrderToCash.Host.Features.Csv;

/// <summary>
/// A CSV download in the dialect the caller reads: <c>?format=excel-fr</c> (semicolons, decimal commas, UTF-8 BOM: what
/// a French Excel opens correctly) or <c>?format=standard</c> (RFC 4180); without it, the French variant when the
/// caller's first language (Accept-Language) is French, the standard one otherwise.
/// </summary>
internal sealed class CsvFileResult(Func<TextWriter, Task> write, string fileName) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (DialectFor(httpContext.Request) is not { } dialect)
        {
            await Results.Problem(
                title: $"CSV format '{httpContext.Request.Query["format"]}' is not known: use excel-fr (semicolons, decimal commas) or standard (RFC 4180).",
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(httpContext).ConfigureAwait(false);
            return;
        }

        string text;
        await using (var writer = new StringWriter(CultureInfo.InvariantCulture))
        {
            await CsvExport.WithDialectAsync(dialect, () => write(writer)).ConfigureAwait(false);
            text = writer.ToString();
        }

        byte[] bytes = dialect == CsvDialect.FrenchExcel ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);
        await Results.File(bytes, "text/csv; charset=utf-8", fileName).ExecuteAsync(httpContext).ConfigureAwait(false);
    }

    /// <summary>The dialect asked for; null for an unknown <c>format</c>.</summary>
    public static CsvDialect? DialectFor(HttpRequest request)
    {
        var format = request.Query["format"].ToString();
        switch (format.ToLowerInvariant())
        {
            case "excel-fr":
                return CsvDialect.FrenchExcel;
            case "standard":
                return CsvDialect.Standard;
            case "":
                break;
            default:
                return null;
        }

        var languages = request.GetTypedHeaders().AcceptLanguage;
        var first = languages.OrderByDescending(l => l.Quality ?? 1.0).Select(l => l.Value.Value).FirstOrDefault();
        return first is not null && (first.Equals("fr", StringComparison.OrdinalIgnoreCase) || first.StartsWith("fr-", StringComparison.OrdinalIgnoreCase))
            ? CsvDialect.FrenchExcel
            : CsvDialect.Standard;
    }
}
