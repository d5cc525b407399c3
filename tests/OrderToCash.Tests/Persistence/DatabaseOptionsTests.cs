using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Tests.Persistence;

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void Without_configuration_the_database_is_an_embedded_sqlite_file_under_local_application_data()
    {
        var options = new DatabaseOptions();

        options.Provider.Should().Be(DatabaseProvider.Sqlite);
        options.ResolveConnectionString().Should().Be($"Data Source={DatabaseOptions.DefaultSqlitePath}");
        DatabaseOptions.DefaultSqlitePath.Should().EndWith(Path.Combine("OrderToCash", "ordertocash.db"));
    }

    [Fact]
    public void A_configured_connection_string_wins()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = "Host=db;Database=o2c" };

        options.ResolveConnectionString().Should().Be("Host=db;Database=o2c");
    }

    [Theory]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void A_server_provider_requires_a_connection_string(DatabaseProvider provider)
    {
        var act = () => new DatabaseOptions { Provider = provider }.ResolveConnectionString();

        act.Should().Throw<InvalidOperationException>().WithMessage($"*required when Database:Provider is {provider}*");
    }
}
