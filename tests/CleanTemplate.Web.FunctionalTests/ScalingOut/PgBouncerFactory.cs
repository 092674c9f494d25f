using CleanTemplate.LocalPostgres;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Hosting;

namespace CleanTemplate.Web.FunctionalTests.ScalingOut;

/// <summary>
/// The host behind a real PgBouncer in transaction-pooling mode, configured as production would be: requests through
/// the pooler with <c>Database:TransactionPooler</c>, migrations on <c>ConnectionStrings:DatabaseDirect</c>. Respawn
/// and the tests' own arrangements stay on the direct connection.
/// </summary>
public sealed class PgBouncerFactory : WebApiFactory
{
    private LocalPgBouncer? _bouncer;

    /// <summary>Why the tests cannot run here, or null when they can.</summary>
    public static string? SkipReason { get; } = LocalPgBouncer.NotInstalled;

    public LocalPgBouncer Bouncer =>
        _bouncer ?? throw new InvalidOperationException("PgBouncer is not running: " + SkipReason);

    protected override string HostConnectionString => Bouncer.Route(Database.ConnectionString);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (SkipReason is null)
            _bouncer = await LocalPgBouncer.StartAsync(Database.ConnectionString);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:TransactionPooler", "true");
        builder.UseSetting("ConnectionStrings:DatabaseDirect", Database.ConnectionString);
    }

    protected override ValueTask DisposeServerAsync() => _bouncer?.DisposeAsync() ?? ValueTask.CompletedTask;
}
