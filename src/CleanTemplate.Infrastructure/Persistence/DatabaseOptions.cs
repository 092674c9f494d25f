namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// Bound from the <c>Database</c> section. The server, database and credentials come from
/// <c>ConnectionStrings:Database</c>; these settings are layered on top of it (a value set here wins).
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// Apply pending migrations when the host starts (Development default). Production runs <c>--migrate</c> once
    /// instead.
    /// </summary>
    public bool MigrateOnStartup { get; set; }
    //#if (conduit)

    /// <summary>Add the sample data after migrating, if it is not there yet (Development default).</summary>
    public bool SeedOnStartup { get; set; }
    //#endif

    public int MaxPoolSize { get; set; } = 100;

    public int MinPoolSize { get; set; }

    /// <summary>Seconds to wait for a connection, from the server or from a full pool.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 15;

    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Seconds after which a pooled connection is closed instead of reused (0 = never); helps behind load balancers.
    /// </summary>
    public int ConnectionLifetimeSeconds { get; set; }

    /// <summary>Seconds an idle pooled connection is kept before being closed.</summary>
    public int ConnectionIdleLifetimeSeconds { get; set; } = 300;

    /// <summary>
    /// Retries of transient failures (0 disables). Retrying needs user transactions wrapped in the execution strategy.
    /// </summary>
    public int MaxRetryCount { get; set; } = 3;

    public int MaxRetryDelaySeconds { get; set; } = 5;

    /// <summary>
    /// Seconds of idleness after which a TCP keepalive is sent (0 = off); keeps connections alive through NATs and load
    /// balancers that drop quiet flows.
    /// </summary>
    public int KeepAliveSeconds { get; set; }

    /// <summary>
    /// How many SQL statements each physical connection keeps prepared on the server (0 = none): a statement run
    /// <see cref="AutoPrepareMinUsages"/> times is prepared, and later runs skip PostgreSQL's parsing and planning.
    /// Trade-offs: docs/configuration.md, "Prepared statements".
    /// </summary>
    public int MaxAutoPrepare { get; set; } = 64;

    public int AutoPrepareMinUsages { get; set; } = 2;

    /// <summary>
    /// <c>ConnectionStrings:Database</c> leads to a pooler in transaction mode (PgBouncer's
    /// <c>pool_mode = transaction</c>): nothing is prepared and nothing relies on a session, and migrations connect to
    /// <c>ConnectionStrings:DatabaseDirect</c>. See docs/configuration.md.
    /// </summary>
    public bool TransactionPooler { get; set; }

    /// <summary>
    /// How far behind the primary a standby of <c>ConnectionStrings:DatabaseReplicas</c> may be and still serve reads;
    /// one further behind is skipped until it catches up. See docs/read-replicas.md.
    /// </summary>
    public int ReplicaMaxLagSeconds { get; set; } = 10;

    /// <summary>How often each standby's replay position (and so its lag) is checked.</summary>
    public int ReplicaCheckIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Schema search path; empty keeps the server's default.</summary>
    public string? SearchPath { get; set; }

    /// <summary>Log every SQL command with its duration (Information). See docs/sql.md.</summary>
    public bool LogSql { get; set; }

    /// <summary>Include parameter values in SQL logs. Off by default: they carry emails, hashes and tokens.</summary>
    public bool LogSqlParameters { get; set; }

    /// <summary>
    /// Commands slower than this are logged as warnings with their SQL, whatever <see cref="LogSql"/> says (0 = off).
    /// </summary>
    public int SlowQueryThresholdMilliseconds { get; set; } = 500;

    /// <summary>The same settings with retries off: a standby that fails leaves the query to the primary.</summary>
    internal DatabaseOptions WithoutRetries()
    {
        var copy = (DatabaseOptions)MemberwiseClone();
        copy.MaxRetryCount = 0;
        return copy;
    }
}
