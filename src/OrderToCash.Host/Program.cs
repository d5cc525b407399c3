using OrderToCash.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddOrderToCash();

var app = builder.Build();
app.MapOrderToCash();
await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
