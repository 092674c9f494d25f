using Npgsql;

namespace CleanTemplate.TestSupport.Postgres;

/// <summary>A PostgreSQL server the tests may create and drop databases on.</summary>
public interface ITestPostgresServer : IAsyncDisposable
{
    /// <summary>Where the server came from, for logs and the benchmark.</summary>
    string Description { get; }

    /// <summary>A superuser (or CREATEDB) connection to <paramref name="database"/>; a new builder each call.</summary>
    NpgsqlConnectionStringBuilder ConnectionString(string database);
}
