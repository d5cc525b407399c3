using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrderToCash.TestSupport;

/// <summary>A real HTTP endpoint on loopback (HttpListener): answers each request with the configured status and body, and records what it got.</summary>
internal sealed class LocalEndpoint : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public LocalEndpoint()
    {
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}/";

    public int Status { get; set; } = 200;

    public string Body { get; set; } = "{}";

    /// <summary>Answer without a Content-Length (chunked), so the client learns the size only by reading.</summary>
    public bool Chunked { get; set; }

    public List<(string Method, string Path, string Body)> Received { get; } = [];

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        _ = loop.Exception;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (Received)
            {
                Received.Add((context.Request.HttpMethod, context.Request.Url!.AbsolutePath, body));
            }

            var bytes = Encoding.UTF8.GetBytes(Body);
            context.Response.StatusCode = Status;
            context.Response.ContentType = "application/json";
            if (Chunked)
            {
                context.Response.SendChunked = true;
            }
            else
            {
                context.Response.ContentLength64 = bytes.Length;
            }
            try
            {
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
                // The client stopped reading (e.g. at its size cap).
                context.Response.Abort();
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
