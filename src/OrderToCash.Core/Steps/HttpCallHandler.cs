using System.Globalization;
using static System.FormattableString;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Timers;

namespace OrderToCash.Core.Steps;

/// <param name="Url">The absolute URL; it must be under one of <c>Workflow:Http:AllowedBaseUrls</c>.</param>
/// <param name="Method">GET (default), POST, PUT, PATCH or DELETE.</param>
/// <param name="Body">The request body (JSON unless <paramref name="ContentType"/> says otherwise).</param>
/// <param name="ContentType">The body's media type (default application/json).</param>
/// <param name="Timeout">An ISO 8601 duration (PT5S), at most <c>Workflow:Http:Timeout</c>.</param>
/// <param name="Fields">Response mapping: <c>name=/json/pointer</c> pairs separated by commas; each becomes an output (and, without output mappings, a variable).</param>
public sealed record HttpCallInput(
    [LiteralCheck(typeof(UrlCheck))] string Url,
    string? Method = null,
    string? Body = null,
    string? ContentType = null,
    string? Timeout = null,
    [LiteralCheck(typeof(FieldsCheck))] string? Fields = null);

/// <param name="Status">The HTTP status code (2xx: a failure is an incident).</param>
/// <param name="Body">The response body as text (at most <c>Workflow:Http:MaxResponseBytes</c>).</param>
public sealed record HttpCallOutput(int Status, string Body);

/// <summary>
/// "Call a system": one HTTP request to an allow-listed URL, in the step, bounded by a timeout. A 2xx answer's status,
/// body and mapped fields become outputs; anything else (another status, a timeout, a refused URL) is an incident whose
/// message gives the status and the start of the body, retried as the task's <c>o2c:retries</c> says (ADR 0068).
/// </summary>
[WorkflowHandler("http.call", "Calls an HTTP endpoint of an allowed system; the status, body and mapped JSON fields become variables; a failure is an incident with the status and body.")]
public sealed class HttpCallHandler(HttpCallOptions options, HttpClient client) : IWorkflowHandler
{
    private static readonly HashSet<string> Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    private readonly TypedHandler typed = new(options, client);

    public HandlerDescriptor Descriptor => typed.Descriptor;

    /// <summary>The mapped fields join the typed outputs.</summary>
    public async ValueTask<IReadOnlyDictionary<string, object?>> ExecuteAsync(HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outputs = new Dictionary<string, object?>(await typed.ExecuteAsync(context, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        var fields = context.Inputs.TryGetValue("fields", out var text) ? text as string : null;
        if (!string.IsNullOrWhiteSpace(fields))
        {
            foreach (var (name, value) in Mapped(fields, (string)outputs["body"]!))
            {
                outputs[name] = value;
            }
        }

        return outputs;
    }

    internal static IEnumerable<(string Name, object? Value)> Mapped(string fields, string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The response is not JSON, so the fields '{fields}' cannot be read: {ex.Message}", ex);
        }

        using (document)
        {
            var values = new List<(string, object?)>();
            foreach (var (name, pointer) in FieldsCheck.Parse(fields))
            {
                var element = Resolve(document.RootElement, pointer)
                    ?? throw new InvalidOperationException($"The response has nothing at '{pointer}' (field '{name}').");
                values.Add((name, element.ValueKind switch
                {
                    JsonValueKind.String => element.GetString(),
                    JsonValueKind.Number => element.GetDecimal(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Null => null,
                    _ => element.GetRawText(),
                }));
            }

            return values;
        }
    }

    /// <summary>RFC 6901 JSON Pointer.</summary>
    private static JsonElement? Resolve(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    [WorkflowHandler("http.call", "Calls an HTTP endpoint of an allowed system; the status, body and mapped JSON fields become variables; a failure is an incident with the status and body.")]
    private sealed class TypedHandler(HttpCallOptions options, HttpClient client) : WorkflowHandler<HttpCallInput, HttpCallOutput>
    {
        protected override async ValueTask<HttpCallOutput> HandleAsync(HttpCallInput input, HandlerContext context, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            if (UrlCheck.Parse(input.Url) is not { } url)
            {
                throw new InvalidOperationException($"'{input.Url}' is not an absolute http or https URL.");
            }

            if (options.AllowedBaseOf(url) is null)
            {
                throw new InvalidOperationException($"'{url}' is under none of the allowed base URLs (Workflow:Http:AllowedBaseUrls: {(options.AllowedBaseUrls.Count == 0 ? "none" : string.Join(", ", options.AllowedBaseUrls))}).");
            }

            var method = (input.Method ?? "GET").Trim().ToUpperInvariant();
            if (!Methods.Contains(method))
            {
                throw new InvalidOperationException($"'{input.Method}' is not a supported method ({string.Join(", ", Methods)}).");
            }

            var timeout = Timeout(input.Timeout);
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (input.Body is not null)
            {
                request.Content = new StringContent(input.Body, Encoding.UTF8, MediaTypeHeaderValue.Parse(input.ContentType ?? "application/json"));
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                var body = await ReadAsync(response, deadline.Token).ConfigureAwait(false)
                    ?? throw new InvalidOperationException(Invariant($"{method} {url} answered more than {options.MaxResponseBytes:N0} bytes, the response cap (Workflow:Http:MaxResponseBytes); the answer was not read further."));
                var status = (int)response.StatusCode;
                return status is >= 200 and < 300
                    ? new HttpCallOutput(status, body)
                    : throw new InvalidOperationException($"{method} {url} answered {status} {response.ReasonPhrase}: {Start(body)}");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{method} {url} did not answer within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
            }
            catch (HttpRequestException ex)
            {
                throw new InvalidOperationException($"{method} {url} failed: {ex.Message}", ex);
            }
        }

        private TimeSpan Timeout(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return options.Timeout;
            }

            if (!IsoDuration.TryParse(text, out var duration) || duration.Years != 0 || duration.Months != 0 || duration.IsZero)
            {
                throw new InvalidOperationException($"The timeout '{text}' is not an ISO 8601 duration such as PT5S.");
            }

            var span = TimeSpan.FromDays(duration.Days) + duration.Time;
            return span < options.Timeout ? span : options.Timeout;
        }

        /// <summary>The body as text, or null when it is longer than the cap (announced or read): a cut answer is never taken for the whole.</summary>
        private async Task<string?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            if (response.Content.Headers.ContentLength > options.MaxResponseBytes)
            {
                return null;
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                // One byte more than the cap tells a body of exactly the cap from a longer one.
                var buffer = new byte[options.MaxResponseBytes + 1];
                var read = 0;
                int count;
                while (read < buffer.Length && (count = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    read += count;
                }

                return read > options.MaxResponseBytes ? null : Encoding.UTF8.GetString(buffer, 0, read);
            }
        }

        private static string Start(string body) => body.Length > 500 ? body[..500] + "…" : body;
    }
}

/// <summary>Publication check of a literal URL: absolute http or https.</summary>
public sealed class UrlCheck : ILiteralInputCheck
{
    public string? Problem(string literal) => Parse(literal) is null ? $"'{literal}' is not an absolute http or https URL." : null;

    internal static Uri? Parse(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url : null;
}

/// <summary>Publication check of the response mapping: <c>name=/json/pointer</c> pairs separated by commas.</summary>
public sealed class FieldsCheck : ILiteralInputCheck
{
    public string? Problem(string literal)
    {
        try
        {
            _ = Parse(literal);
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }
    }

    internal static List<(string Name, string Pointer)> Parse(string fields)
    {
        var pairs = new List<(string, string)>();
        foreach (var pair in fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || !char.IsLetter(parts[0][0]) || !parts[0].All(c => char.IsLetterOrDigit(c) || c == '_') || !parts[1].StartsWith('/'))
            {
                throw new InvalidOperationException($"'{pair}' is not name=/json/pointer (e.g. score=/risk/score).");
            }

            if (parts[0] is "status" or "body")
            {
                throw new InvalidOperationException($"'{parts[0]}' is already an output of the call; name the field otherwise.");
            }

            pairs.Add((parts[0], parts[1]));
        }

        return pairs;
    }
}
