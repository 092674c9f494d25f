using CleanTemplate.TestSupport.Logging;
using CleanTemplate.TestSupport.Postgres;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanTemplate.Web.FunctionalTests.Faults;

/// <summary>The real host on a PostgreSQL server of its own, which a test may kill and start again.</summary>
public sealed class CrashableDatabaseFactory : WebApiFactory
{
    private CrashablePostgresServer? _server;

    /// <summary>What the host logged, with the exceptions: what a failed request was.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public CrashablePostgresServer Postgres =>
        _server ?? throw new InvalidOperationException("The factory is not initialized yet.");

    protected override async Task<PostgresTestDatabase> CreateDatabaseAsync()
    {
        _server = await CrashablePostgresServer.StartAsync();
        return await _server.Server.CreateDatabaseAsync();
    }

    protected override ValueTask DisposeServerAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // A request the outage catches fails within seconds, not the production 15 s connect and 30 s command waits.
        builder.UseSetting("Database:ConnectTimeoutSeconds", "2");
        builder.UseSetting("Database:CommandTimeoutSeconds", "5");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}
