using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// Builds the connection string with <see cref="NpgsqlConnectionStringBuilder"/>, never by concatenation, so
/// passwords containing ';', '=', quotes or spaces survive intact.
/// </summary>
internal static class DatabaseConnectionString
{
    /// <summary>
    /// What requests use: <paramref name="connectionString"/> with <paramref name="options"/> on top, and through a
    /// transaction pooler (<see cref="DatabaseOptions.TransactionPooler"/>) with no session state.
    /// </summary>
    public static string Build(string connectionString, DatabaseOptions options) =>
        Compose(connectionString, options, options.TransactionPooler);

    /// <summary>
    /// What holds a session of its own (the migration lock): <c>ConnectionStrings:DatabaseDirect</c>, straight to the
    /// server; without one, <paramref name="pooled"/> as requests use it, and the session lock then refuses a pooler.
    /// </summary>
    public static string? BuildDirect(string? direct, string? pooled, DatabaseOptions options) =>
        !string.IsNullOrWhiteSpace(direct) ? Compose(direct, options, throughPooler: false)
        : !string.IsNullOrWhiteSpace(pooled) ? Build(pooled, options)
        : null;

    private static string Compose(string connectionString, DatabaseOptions options, bool throughPooler)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = options.MaxPoolSize,
            MinPoolSize = options.MinPoolSize,
            Timeout = options.ConnectTimeoutSeconds,
            CommandTimeout = options.CommandTimeoutSeconds,
            ConnectionLifetime = options.ConnectionLifetimeSeconds,
            ConnectionIdleLifetime = options.ConnectionIdleLifetimeSeconds,
            KeepAlive = options.KeepAliveSeconds,
            MaxAutoPrepare = options.MaxAutoPrepare,
            AutoPrepareMinUsages = options.AutoPrepareMinUsages,
        };
        if (!string.IsNullOrWhiteSpace(options.SearchPath))
            builder.SearchPath = options.SearchPath;
        if (string.IsNullOrEmpty(builder.ApplicationName))
            builder.ApplicationName = "CleanTemplate";
        if (throughPooler)
            ForTransactionPooler(builder);
        return builder.ConnectionString;
    }

    // Each transaction may run on another server session: a statement prepared on one is unknown to the next
    // (PgBouncer before 1.21 does not track them), and the reset Npgsql sends when a connection returns to its pool
    // would run on whichever session comes next.
    private static void ForTransactionPooler(NpgsqlConnectionStringBuilder builder)
    {
        if (!string.IsNullOrEmpty(builder.SearchPath))
        {
            throw new InvalidOperationException(
                "Database:SearchPath cannot be used with Database:TransactionPooler: PgBouncer refuses the search_path "
                + "startup parameter. Set it on the role or the database instead (ALTER ROLE ... SET search_path).");
        }

        builder.MaxAutoPrepare = 0;
        builder.NoResetOnClose = true;
    }
}
