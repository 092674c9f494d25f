using CleanTemplate.Infrastructure.Persistence.MigrationHistory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// How every <see cref="ApplicationDbContext"/> talks to PostgreSQL, wherever it is composed: the host
/// (<c>AddInfrastructure</c>), the <c>db</c> CLI, the design-time factory and the test harness. One place, so the
/// migrations assembly, the naming convention, the retry policy and the history table cannot differ between them.
/// </summary>
internal static class ApplicationDatabase
{
    /// <summary>The host's setup: connections come from the shared, pooled data source.</summary>
    public static DbContextOptionsBuilder UseApplicationDatabase(
        this DbContextOptionsBuilder db,
        NpgsqlDataSource dataSource,
        DatabaseOptions options) =>
        db.UseNpgsql(dataSource, npgsql => Configure(npgsql, options)).WithSharedSetup();

    /// <summary>
    /// A pool of contexts for queries only, on <paramref name="dataSource"/> (the primary's, or a standby's): EF's
    /// retrying execution strategy off, so EF streams results instead of buffering each before it hands it over; the
    /// caller runs a failed query again on a context that retries (<see cref="IQueryRoute"/>).
    /// </summary>
    public static IDbContextFactory<ApplicationDbContext> QueryContexts(
        NpgsqlDataSource dataSource,
        DatabaseOptions options,
        ILoggerFactory? loggerFactory,
        IEnumerable<IInterceptor> interceptors)
    {
        var db = new DbContextOptionsBuilder<ApplicationDbContext>();
        db.UseApplicationDatabase(dataSource, options.WithoutRetries()).AddInterceptors(interceptors);
        if (loggerFactory is not null)
            db.UseLoggerFactory(loggerFactory);
        return new PooledDbContextFactory<ApplicationDbContext>(db.Options);
    }

    /// <summary>
    /// A context on <paramref name="connectionString"/> (already built with
    /// <see cref="DatabaseConnectionString.Build"/>), or, when it is null, one for work that needs only the model
    /// (migration scripts, model checks, diagrams): such a context fails only if it is asked to connect.
    /// </summary>
    public static DbContextOptionsBuilder UseApplicationDatabase(
        this DbContextOptionsBuilder db,
        string? connectionString,
        DatabaseOptions options) =>
        (connectionString is null
            ? db.UseNpgsql(npgsql => Configure(npgsql, options))
            : db.UseNpgsql(connectionString, npgsql => Configure(npgsql, options)))
        .WithSharedSetup();

    private static void Configure(NpgsqlDbContextOptionsBuilder npgsql, DatabaseOptions options)
    {
        npgsql.MigrationsAssembly(typeof(ApplicationDbContext).Assembly.FullName);
        if (options.MaxRetryCount > 0)
            npgsql.EnableRetryOnFailure(
                options.MaxRetryCount, TimeSpan.FromSeconds(options.MaxRetryDelaySeconds), null);
    }

    // snake_case for every table, column, key and index (EFCore.NamingConventions), the PostgreSQL idiom, so
    // hand-written SQL needs no quoting; explicit names in the configurations are snake_case already.
    private static DbContextOptionsBuilder WithSharedSetup(this DbContextOptionsBuilder db) =>
        db.UseSnakeCaseNamingConvention().ReplaceService<IHistoryRepository, TimestampedHistoryRepository>();
}
