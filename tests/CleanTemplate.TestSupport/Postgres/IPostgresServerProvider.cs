namespace CleanTemplate.TestSupport.Postgres;

/// <summary>
/// One way of getting a server. <see cref="PostgresServerProviders"/> tries them in order; a Testcontainers
/// provider would be one more implementation on machines where Docker and that package are available.
/// </summary>
public interface IPostgresServerProvider
{
    /// <summary>False with the reason when this provider cannot serve on this machine.</summary>
    bool IsAvailable(out string reason);

    Task<ITestPostgresServer> StartAsync(CancellationToken cancellationToken);
}
