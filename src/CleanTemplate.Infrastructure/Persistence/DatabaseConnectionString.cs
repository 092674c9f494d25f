using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// Builds the connection string with <see cref="NpgsqlConnectionStringBuilder"/>, never by concatenation, so
/// passwords containing ';', '=', quotes or spaces survive intact.
/// </summary>
internal static class DatabaseConnectionString
{
    public static string Build(string connectionString, DatabaseOptions options)
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
        return builder.ConnectionString;
    }
}
