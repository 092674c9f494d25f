using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence;

public sealed class ConnectionSettingsTests(ConnectionSettingsTests.TunedFixture fixture)
    : HandlerTest<ConnectionSettingsTests.TunedFixture>(fixture)
{
    public sealed class TunedFixture : ApplicationFixture
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            settings["Database:SearchPath"] = "audit, public";
            settings["Database:MaxPoolSize"] = "7";
            settings["Database:MinPoolSize"] = "1";
            settings["Database:ConnectTimeoutSeconds"] = "9";
            settings["Database:CommandTimeoutSeconds"] = "11";
            settings["Database:ConnectionLifetimeSeconds"] = "600";
            settings["Database:ConnectionIdleLifetimeSeconds"] = "60";
            settings["Database:KeepAliveSeconds"] = "13";
            settings["Database:MaxAutoPrepare"] = "17";
            settings["Database:AutoPrepareMinUsages"] = "3";
        }
    }

    [Fact]
    public async Task The_configured_search_path_reaches_the_session()
    {
        (await ShowAsync("search_path")).ShouldBe("audit, public");
    }

    [Fact]
    public async Task The_application_name_identifies_the_app_in_pg_stat_activity()
    {
        (await ShowAsync("application_name")).ShouldBe("CleanTemplate");
    }

    [Fact]
    public void The_pool_and_timeout_settings_reach_the_connection_the_app_uses()
    {
        var settings = new NpgsqlConnectionStringBuilder(Scope.Db.Database.GetDbConnection().ConnectionString);

        settings.MaxPoolSize.ShouldBe(7);
        settings.MinPoolSize.ShouldBe(1);
        settings.Timeout.ShouldBe(9);
        settings.CommandTimeout.ShouldBe(11);
        settings.ConnectionLifetime.ShouldBe(600);
        settings.ConnectionIdleLifetime.ShouldBe(60);
        settings.KeepAlive.ShouldBe(13);
        settings.MaxAutoPrepare.ShouldBe(17);
        settings.AutoPrepareMinUsages.ShouldBe(3);
    }

    private async Task<string?> ShowAsync(string setting)
    {
        await using var command = Scope.Db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SHOW {setting}"; // SHOW takes no parameters; the names are the constants above.
        return (string?)await command.ExecuteScalarAsync();
    }
}
