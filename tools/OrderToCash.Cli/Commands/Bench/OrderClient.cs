using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderToCash.Cli.Commands.Bench;

/// <summary>
/// One client of the api-orders workload: its own connection and cookie session (signed in with
/// <c>POST /api/auth/login</c>), entering orders with <c>POST /api/orders</c> one after the other.
/// </summary>
internal sealed class OrderClient : IDisposable
{
    private static readonly Uri Orders = new("/api/orders", UriKind.Relative);
    private readonly HttpClient http;

    private OrderClient(HttpClient http) => this.http = http;

    public static async Task<OrderClient> SignInAsync(Uri host, string userName, string password, CancellationToken cancellationToken)
    {
        var handler = new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 1 };
        var http = new HttpClient(handler) { BaseAddress = host, Timeout = TimeSpan.FromSeconds(60) };
        using var login = await http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName, password }, cancellationToken).ConfigureAwait(false);
        if (login.StatusCode != HttpStatusCode.OK)
        {
            http.Dispose();
            throw new InvalidOperationException($"Sign-in of {userName} answered {(int)login.StatusCode}: {await login.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }

        return new OrderClient(http);
    }

    /// <summary>Enters the orders <paramref name="next"/> hands out until it returns null, recording each answer in <paramref name="tally"/>.</summary>
    public async Task RunAsync(Func<object?> next, OrderTally tally, CancellationToken cancellationToken)
    {
        while (next() is { } order)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsJsonAsync(Orders, order, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    using var json = JsonDocument.Parse(body);
                    tally.Acknowledged(elapsed, json.RootElement.GetProperty("number").GetString()!, json.RootElement.GetProperty("status").GetString()!);
                }
                else
                {
                    tally.Refused(elapsed, (int)response.StatusCode);
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // No answer (connection lost, timed out): counted, and the order is not taken as acknowledged.
                tally.Failed(Stopwatch.GetElapsedTime(started));
            }
        }
    }

    public void Dispose() => http.Dispose();
}
