using CleanTemplate.Cli.IntegrationTests.Support;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport.Logging;
using CleanTemplate.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CleanTemplate.Cli.IntegrationTests.Migrations;

/// <summary>
/// What the app's migrator logs: a newcomer's first start must not show a failure on a healthy run. Under a
/// search_path too, where the history table is not in <c>public</c>.
/// </summary>
public sealed class FirstMigrationLogTests
{
    private const string HistorySchemaSql = """
        SELECT n.nspname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relname = '__EFMigrationsHistory'
        """;

    [Theory]
    [InlineData(null)]
    [InlineData("tenant")]
    public async Task Migrating_an_empty_database_logs_no_error(string? searchPath)
    {
        await using var database = await EmptyDatabaseAsync(searchPath);
        var logs = new CapturingLoggerProvider();

        await MigrateAsync(database, searchPath, logs);

        logs.Entries.Where(entry => entry.Level >= LogLevel.Error).ShouldBeEmpty();
        (await AppliedMigrationsAsync(database, searchPath)).ShouldBe(MigrationIds.All);
        (await database.ScalarAsync<string>(HistorySchemaSql)).ShouldBe(searchPath ?? "public");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("tenant")]
    public async Task Migrating_an_up_to_date_database_logs_no_error_and_applies_nothing(string? searchPath)
    {
        await using var database = await EmptyDatabaseAsync(searchPath);
        await MigrateAsync(database, searchPath, new CapturingLoggerProvider());
        var logs = new CapturingLoggerProvider();

        await MigrateAsync(database, searchPath, logs);

        logs.Entries.Where(entry => entry.Level >= LogLevel.Error).ShouldBeEmpty();
        logs.Entries.ShouldNotContain(entry =>
            entry.Message.StartsWith("Applying migration", StringComparison.Ordinal));
        (await AppliedMigrationsAsync(database, searchPath)).ShouldBe(MigrationIds.All);
    }

    private static async Task<PostgresTestDatabase> EmptyDatabaseAsync(string? searchPath)
    {
        var database = await PostgresTestDatabase.CreateEmptyAsync();
        if (searchPath is not null)
            await database.ExecuteAsync($"CREATE SCHEMA {searchPath}");
        return database;
    }

    // Everything EF logs, at every level, while the app's migrator runs on a context composed the app's way.
    private static async Task MigrateAsync(
        PostgresTestDatabase database,
        string? searchPath,
        CapturingLoggerProvider logs)
    {
        using var loggerFactory =
            LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var direct = new DirectDatabase(
            ConnectionString(database, searchPath), new DatabaseOptions { MaxRetryCount = 0 }, loggerFactory, []);
        await new DatabaseMigrator(direct).MigrateAsync(CancellationToken.None);
    }

    private static async Task<List<string>> AppliedMigrationsAsync(PostgresTestDatabase database, string? searchPath)
    {
        await using var db = CreateDbContext(database, searchPath);
        return [.. await db.Database.GetAppliedMigrationsAsync()];
    }

    private static ApplicationDbContext CreateDbContext(PostgresTestDatabase database, string? searchPath)
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        options.UseApplicationDatabase(
            ConnectionString(database, searchPath), new DatabaseOptions { MaxRetryCount = 0 });
        return new ApplicationDbContext(options.Options);
    }

    private static string ConnectionString(PostgresTestDatabase database, string? searchPath) =>
        new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = searchPath }.ConnectionString;
}
