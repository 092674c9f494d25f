namespace CleanTemplate.TestSupport.Postgres;

/// <summary>
/// Chooses the run's server: <c>TEST_POSTGRES_CONNECTION</c>, then Testcontainers where a Docker engine answers, then
/// the local PostgreSQL binaries; <c>TEST_POSTGRES_PROVIDER</c> (<c>environment</c>, <c>testcontainers</c>,
/// <c>local</c>) forces one, which also turns Testcontainers off (<c>local</c>).
/// </summary>
public static class PostgresServerProviders
{
    public const string ForceVariableName = "TEST_POSTGRES_PROVIDER";

    public static IReadOnlyList<IPostgresServerProvider> Default { get; } =
    [
        new EnvironmentPostgresServerProvider(),
        new TestcontainersPostgresServerProvider(),
        new LocalBinariesPostgresServerProvider(),
    ];

    public static async Task<ITestPostgresServer> StartFirstAvailableAsync(
        IReadOnlyList<IPostgresServerProvider> providers, CancellationToken cancellationToken)
    {
        var forced = Environment.GetEnvironmentVariable(ForceVariableName);
        var provider = await ChooseAsync(providers, forced, cancellationToken);
        return await provider.StartAsync(cancellationToken);
    }

    /// <summary>The forced provider (which must be available), else the first available one in order.</summary>
    public static async Task<IPostgresServerProvider> ChooseAsync(
        IReadOnlyList<IPostgresServerProvider> providers, string? forced, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(forced) && !forced.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            var chosen = providers.FirstOrDefault(p => p.Name.Equals(forced.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException(
                    $"{ForceVariableName}={forced} names no provider; use one of: auto, " +
                    string.Join(", ", providers.Select(p => p.Name)) + ".");
            var availability = await chosen.CheckAsync(cancellationToken);
            return availability.IsAvailable
                ? chosen
                : throw new InvalidOperationException(
                    $"{ForceVariableName}={forced} forces the {chosen.Name} provider, which cannot serve: " +
                    $"{availability.Reason}.");
        }

        var reasons = new List<string>();
        foreach (var provider in providers)
        {
            var availability = await provider.CheckAsync(cancellationToken);
            if (availability.IsAvailable)
                return provider;
            reasons.Add($"{provider.Name}: {availability.Reason}");
        }

        throw new InvalidOperationException(
            "The tests need a PostgreSQL server and found none (" + string.Join("; ", reasons) + "). Any one of " +
            $"these works: set {EnvironmentPostgresServerProvider.VariableName} to a connection string of a role " +
            "that may create databases (e.g. Host=localhost;Username=postgres;Password=...); run a Docker engine, " +
            "for Testcontainers; or install the PostgreSQL server binaries (Debian/Ubuntu: apt-get install " +
            "postgresql; macOS: brew install postgresql).");
    }
}
