using OrderToCash.Host;
using OrderToCash.Host.Features.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddOrderToCash();

var app = builder.Build();
// Before migrations and demo seeding (minutes on a first start): a busy port says what to do at once.
if (!ListenPortCheck.PortsAreFree(app, Console.Error))
{
    return 1;
}

app.MapOrderToCash();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
