using CleanTemplate.Application;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Infrastructure;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport.Identity;
using CleanTemplate.TestSupport.Logging;
using CleanTemplate.TestSupport.Postgres;
using CleanTemplate.TestSupport.Queries;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;

namespace CleanTemplate.TestSupport.Composition;

/// <summary>
/// The application and infrastructure layers composed exactly as the host composes them, over a database of the
/// test class's own. Each test runs in a <see cref="HandlerTestScope"/> whose transaction is rolled back. Shared by
/// the handler tests (Application) and the persistence tests (Infrastructure).
/// </summary>
public class ApplicationFixture : PostgresDatabaseFixture
{
    private ServiceProvider? _services;

    public QueryCounter QueryCounter { get; } = new();

    public TestClock Clock { get; } = new();

    /// <summary>Every log entry of the composed services.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services =>
        _services ?? throw new InvalidOperationException("The fixture is not initialized yet.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var settings = new Dictionary<string, string?>(TestSettings.For(Database.ConnectionString));
        ConfigureSettings(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var environment = new HostingEnvironment
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(ApplicationFixture).Assembly.GetName().Name!,
            ContentRootPath = AppContext.BaseDirectory,
        };

        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(Logs))
            .AddSingleton<IHostEnvironment>(environment)
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<IInterceptor>(QueryCounter)
            .AddScoped<TestCurrentUser>()
            .AddScoped<ICurrentUser>(provider => provider.GetRequiredService<TestCurrentUser>());
        services.AddApplication(configuration).AddInfrastructure(configuration);
        ConfigureServices(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>
    /// Configuration a derived fixture changes or adds (e.g. <c>Database:LogSql</c>) before the services are composed.
    /// </summary>
    protected virtual void ConfigureSettings(IDictionary<string, string?> settings)
    {
    }

    /// <summary>
    /// Extra registrations for the test classes using a derived fixture (e.g. a recording notification handler).
    /// </summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public Task<HandlerTestScope> BeginScopeAsync() => HandlerTestScope.BeginAsync(Services);

    /// <summary>
    /// Saves entities in a scope of their own and commits them, for tests of work that runs its own transaction (a
    /// seed, an import) and so cannot use the rolled-back <see cref="HandlerTestScope"/>.
    /// </summary>
    public async Task CommitAsync(params IEnumerable<object> entities)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    public override async Task DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        await base.DisposeAsync();
    }
}
