using CleanTemplate.Application.Common.Interfaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Infrastructure.UnitTests;

/// <summary>
/// <c>AddInfrastructure</c> on these settings over a primary's connection string, for tests of what it registers;
/// nothing connects until a test resolves a service that does.
/// </summary>
internal static class InfrastructureComposition
{
    public const string Primary = "Host=primary;Database=app;Username=app";

    public static ServiceCollection Compose(Dictionary<string, string?> settings)
    {
        settings["ConnectionStrings:Database"] = Primary;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ICurrentUser>(new Anonymous());
        services.AddInfrastructure(configuration);
        return services;
    }

    private sealed class Anonymous : ICurrentUser
    {
        public int? Id => null;
    }
}
