using System.Reflection;

namespace CleanTemplate.ArchitectureTests;

/// <summary>
/// The four layer assemblies, the CLI (a second composition root) and the local-PostgreSQL launcher (Development and
/// test machinery), loaded from the test's output folder.
/// </summary>
internal static class Layers
{
    public static Assembly Domain { get; } = typeof(Domain.Common.IDomainEvent).Assembly;

    public static Assembly Application { get; } = typeof(Application.DependencyInjection).Assembly;

    public static Assembly Infrastructure { get; } = typeof(Infrastructure.DependencyInjection).Assembly;

    public static Assembly Web { get; } = typeof(Web.DependencyInjection).Assembly;

    // The CLI exposes no public type to anchor on; its assembly is in the output folder through the project reference.
    public static Assembly Cli { get; } =
        Assembly.Load(new AssemblyName(NameOf(Domain).Replace(".Domain", ".Cli", StringComparison.Ordinal)));

    public static Assembly LocalPostgres { get; } = typeof(LocalPostgres.LocalPostgresCluster).Assembly;

    public static IEnumerable<Assembly> All => [Domain, Application, Infrastructure, Web, Cli, LocalPostgres];

    /// <summary>The assembly's name: the solution's name as given (<c>My-App.Web</c>), maybe not a namespace.</summary>
    public static string NameOf(Assembly layer) => layer.GetName().Name!;
}
