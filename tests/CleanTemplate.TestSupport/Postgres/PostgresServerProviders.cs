namespace CleanTemplate.TestSupport.Postgres;

/// <summary>Finds a server: the environment variable first, then local binaries, else a failure that says what to do.</summary>
public static class PostgresServerProviders
{
    public static IReadOnlyList<IPostgresServerProvider> Default { get; } =
    [
        new EnvironmentPostgresServerProvider(),
        new LocalBinariesPostgresServerProvider(),
    ];

    public static async Task<ITestPostgresServer> StartFirstAvailableAsync(
        IReadOnlyList<IPostgresServerProvider> providers, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        foreach (var provider in providers)
        {
            if (provider.IsAvailable(out var reason))
                return await provider.StartAsync(cancellationToken);
            reasons.Add(reason);
        }

        throw new InvalidOperationException(
            "The tests need a PostgreSQL server and found none: " + string.Join("; ", reasons) + ". " +
            $"Either set {EnvironmentPostgresServerProvider.VariableName} to a connection string of a role that may create databases " +
            "(e.g. Host=localhost;Username=postgres;Password=...), or install the PostgreSQL server binaries " +
            "(Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql).");
    }
}
