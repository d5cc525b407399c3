namespace OrderToCash.Host.Features;

/// <summary>
/// An XML document sent as the request body (a BPMN file, a camt.053 statement): an XML content type is required (a
/// form or text/plain post from another site cannot be one), and the size is counted on the stream, so a chunked upload
/// without Content-Length is held to it too.
/// </summary>
/// <param name="What">What the body must be, for the 415: "the camt.053 statement".</param>
/// <param name="Document">The document's name, for the 413: "The statement".</param>
/// <param name="Empty">The 400's title when the body is empty.</param>
/// <param name="MaxBytes">The largest body accepted.</param>
/// <param name="AcceptsPlusXml">Whether any <c>+xml</c> type is accepted too (modelers send application/bpmn+xml).</param>
internal sealed record XmlRequestBody(string What, string Document, string Empty, int MaxBytes, bool AcceptsPlusXml)
{
    public async Task<(string Xml, IResult? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsXml(request.ContentType))
        {
            return (string.Empty, Results.Problem(
                title: $"The request body must be {What}, sent as application/xml (Content-Type was '{request.ContentType}').",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        var tooLarge = Results.Problem(title: $"{Document} is larger than {MaxBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        if (request.ContentLength > MaxBytes)
        {
            return (string.Empty, tooLarge);
        }

        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > MaxBytes)
            {
                return (string.Empty, tooLarge);
            }

            body.Write(buffer, 0, read);
        }

        body.Position = 0;
        using var reader = new StreamReader(body);
        var xml = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(xml)
            ? (xml, Results.Problem(title: Empty, statusCode: StatusCodes.Status400BadRequest))
            : (xml, null);
    }

    private bool IsXml(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Value is { } type
        && (type.Equals("application/xml", StringComparison.OrdinalIgnoreCase) || type.Equals("text/xml", StringComparison.OrdinalIgnoreCase)
            || (AcceptsPlusXml && type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)));
}
