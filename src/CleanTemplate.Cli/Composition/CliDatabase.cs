using CleanTemplate.Infrastructure;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.Infrastructure.Persistence.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CleanTemplate.Cli.Composition;

/// <summary>
/// The database the configuration names, and <see cref="ApplicationDbContext"/>s composed the way the app composes
/// them: the same <see cref="DatabaseOptions"/>, connection string builder, provider setup and SQL logging.
/// </summary>
internal sealed class CliDatabase : IDisposable
{
    private readonly string? _connectionString;
    private readonly DatabaseOptions _options;
    private readonly ILoggerFactory _loggerFactory;

    private CliDatabase(string? connectionString, DatabaseOptions options, ILoggerFactory loggerFactory)
    {
        _connectionString = connectionString;
        _options = options;
        _loggerFactory = loggerFactory;
    }

    public static CliDatabase FromConfiguration(IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()
            ?? new DatabaseOptions();
        // Migrations hold a session for their whole run: the server itself, not a transaction pooler, where both exist.
        var connectionString = DatabaseConnectionString.BuildDirect(
            configuration.GetConnectionString(DependencyInjection.DirectConnectionStringName),
            configuration.GetConnectionString(DependencyInjection.ConnectionStringName),
            options);

        // Logs go to standard error, so `db script > migrate.sql` and `db describe --json` stay clean. EF's own
        // connection and command errors are left out: the verb reports its failure in one line (VerbRunner), and EF
        // also logs errors it handles itself, such as two migrators racing to create the history table.
        var loggerFactory = LoggerFactory.Create(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddFilter("Microsoft.EntityFrameworkCore.Database", LogLevel.None)
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        return new CliDatabase(connectionString, options, loggerFactory);
    }

    /// <summary>A context on the configured database.</summary>
    /// <exception cref="UsageException">No connection string is configured.</exception>
    public ApplicationDbContext Connect() => Create(_connectionString ?? throw NotConfigured());

    /// <summary>A connection pool on the configured database, for work that bypasses EF (binary COPY).</summary>
    /// <exception cref="UsageException">No connection string is configured.</exception>
    public NpgsqlDataSource OpenDataSource() =>
        new NpgsqlDataSourceBuilder(_connectionString ?? throw NotConfigured())
            .UseLoggerFactory(_loggerFactory)
            .Build();

    /// <summary>
    /// A context for work that needs only the model (scripts, model checks, diagrams): no server, no configuration.
    /// </summary>
    public ApplicationDbContext ModelOnly() => Create(connectionString: null);

    public void Dispose() => _loggerFactory.Dispose();

    private static UsageException NotConfigured() => new(
        "No database configured: pass --connection \"Host=...;Database=...;Username=...\" "
        + $"or set ConnectionStrings__{DependencyInjection.ConnectionStringName}.");

    private ApplicationDbContext Create(string? connectionString)
    {
        var builder = new DbContextOptionsBuilder<ApplicationDbContext>();
        builder.UseApplicationDatabase(connectionString, _options).UseLoggerFactory(_loggerFactory);
        if (SqlCommandLogger.IsEnabled(_options))
        {
            builder.AddInterceptors(
                new SqlCommandLogger(Options.Create(_options), _loggerFactory.CreateLogger<SqlCommandLogger>()));
        }
        return new ApplicationDbContext(builder.Options);
    }
}
