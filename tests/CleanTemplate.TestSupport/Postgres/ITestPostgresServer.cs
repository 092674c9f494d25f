using Npgsql;

namespace CleanTemplate.TestSupport.Postgres;

/// <summary>A PostgreSQL server the tests may create and drop databases on.</summary>
public interface ITestPostgresServer : IAsyncDisposable
{
    /// <summary>Where the server came from, for logs and the benchmark.</summary>
    string Description { get; }

    /// <summary>
    /// The <c>CREATE DATABASE ... STRATEGY</c> for clones, or null for the server's default. FILE_COPY is fastest
    /// when the data folder lives in memory (its checkpoints are then cheap) but slower on disk, and needs PostgreSQL
    /// 15.
    /// </summary>
    string? CloneStrategy { get; }

    /// <summary>A superuser (or CREATEDB) connection to <paramref name="database"/>; a new builder each call.</summary>
    NpgsqlConnectionStringBuilder ConnectionString(string database);
}
