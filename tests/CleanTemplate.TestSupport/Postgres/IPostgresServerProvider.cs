namespace CleanTemplate.TestSupport.Postgres;

/// <summary>One way of getting a server; <see cref="PostgresServerProviders"/> chooses among them.</summary>
public interface IPostgresServerProvider
{
    /// <summary>The name <c>TEST_POSTGRES_PROVIDER</c> forces it by.</summary>
    string Name { get; }

    /// <summary>
    /// Whether this provider can serve on this machine, and if not, why. Cheap: no server is started.
    /// </summary>
    Task<ProviderAvailability> CheckAsync(CancellationToken cancellationToken);

    Task<ITestPostgresServer> StartAsync(CancellationToken cancellationToken);
}

public readonly record struct ProviderAvailability(bool IsAvailable, string Reason)
{
    public static ProviderAvailability Available { get; } = new(true, string.Empty);

    public static ProviderAvailability Unavailable(string reason) => new(false, reason);
}
