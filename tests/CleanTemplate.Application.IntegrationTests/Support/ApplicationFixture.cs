using CleanTemplate.Application;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Infrastructure;
using CleanTemplate.TestSupport;
using CleanTemplate.TestSupport.Identity;
using CleanTemplate.TestSupport.Postgres;
using CleanTemplate.TestSupport.Queries;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace CleanTemplate.Application.IntegrationTests.Support;

/// <summary>
/// The application and infrastructure layers composed exactly as the host composes them, over a database of the
/// test class's own. Each test runs in a <see cref="HandlerTestScope"/> whose transaction is rolled back.
/// </summary>
public class ApplicationFixture : PostgresDatabaseFixture
{
    private ServiceProvider? _services;

    public QueryCounter QueryCounter { get; } = new();

    public TestClock Clock { get; } = new();

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not initialized yet.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestSettings.For(Database.ConnectionString)).Build();
        var environment = new HostingEnvironment
        {
            EnvironmentName = "Testing",
            ApplicationName = "CleanTemplate.Application.IntegrationTests",
            ContentRootPath = AppContext.BaseDirectory,
        };

        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostEnvironment>(environment)
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<IInterceptor>(QueryCounter)
            .AddScoped<TestCurrentUser>()
            .AddScoped<ICurrentUser>(provider => provider.GetRequiredService<TestCurrentUser>());
        services.AddApplication(configuration).AddInfrastructure(configuration, environment);
        ConfigureServices(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Extra registrations for the test classes using a derived fixture (e.g. a recording notification handler).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public Task<HandlerTestScope> BeginScopeAsync() => HandlerTestScope.BeginAsync(Services);

    public override async Task DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        await base.DisposeAsync();
    }
}
