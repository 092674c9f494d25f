using CleanTemplate.Infrastructure.Persistence;
using Npgsql;

namespace CleanTemplate.Infrastructure.UnitTests.Persistence;

public sealed class DatabaseConnectionStringTests
{
    private const string Pooler = "Host=pgbouncer;Port=6432;Database=app;Username=app";
    private const string Server = "Host=primary;Port=5432;Database=app;Username=app";

    [Fact]
    public void Through_a_transaction_pooler_nothing_is_prepared_and_nothing_is_reset()
    {
        var built = Parse(DatabaseConnectionString.Build(Pooler, new DatabaseOptions { TransactionPooler = true }));

        built.MaxAutoPrepare.ShouldBe(0);
        built.NoResetOnClose.ShouldBeTrue();
    }

    [Fact]
    public void Without_a_pooler_statements_are_prepared_and_connections_reset_as_configured()
    {
        var built = Parse(DatabaseConnectionString.Build(Server, new DatabaseOptions { MaxAutoPrepare = 17 }));

        built.MaxAutoPrepare.ShouldBe(17);
        built.NoResetOnClose.ShouldBeFalse();
    }

    [Fact]
    public void A_search_path_is_refused_with_a_transaction_pooler_which_would_refuse_it_at_every_login()
    {
        var options = new DatabaseOptions { TransactionPooler = true, SearchPath = "app, public" };

        Should.Throw<InvalidOperationException>(() => DatabaseConnectionString.Build(Pooler, options))
            .Message.ShouldContain("ALTER ROLE");
    }

    [Fact]
    public void The_direct_connection_is_the_server_itself_with_its_session_kept()
    {
        var options = new DatabaseOptions { TransactionPooler = true, MaxAutoPrepare = 17 };

        var built = Parse(DatabaseConnectionString.BuildDirect(Server, Pooler, options)!);

        built.Host.ShouldBe("primary");
        built.MaxAutoPrepare.ShouldBe(17);
        built.NoResetOnClose.ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Without_a_direct_connection_the_requests_one_is_used_as_they_use_it(string? direct)
    {
        var options = new DatabaseOptions { TransactionPooler = true };

        var built = Parse(DatabaseConnectionString.BuildDirect(direct, Pooler, options)!);

        built.Host.ShouldBe("pgbouncer");
        built.MaxAutoPrepare.ShouldBe(0);
    }

    [Fact]
    public void Without_any_connection_string_there_is_none()
    {
        DatabaseConnectionString.BuildDirect(null, "", new DatabaseOptions()).ShouldBeNull();
    }

    private static NpgsqlConnectionStringBuilder Parse(string connectionString) => new(connectionString);
}
