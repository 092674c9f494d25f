using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace CleanTemplate.Infrastructure.Persistence.Replicas;

/// <summary>
/// One hot standby: its own connection pool and pool of contexts, and what the last check saw of it.
/// </summary>
internal sealed class Standby : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private volatile StandbyState _state = StandbyState.Unchecked;

    public Standby(
        string connectionString,
        DatabaseOptions options,
        ILoggerFactory? loggerFactory,
        IEnumerable<IInterceptor> interceptors)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Name = $"{builder.Host}:{builder.Port}";
        _dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        Contexts = ApplicationDatabase.QueryContexts(_dataSource, options, loggerFactory, interceptors);
    }

    /// <summary>host:port, for logs.</summary>
    public string Name { get; }

    public IDbContextFactory<ApplicationDbContext> Contexts { get; }

    public StandbyState State
    {
        get => _state;
        set => _state = value;
    }

    /// <summary>Whether it replays WAL, and how far it got: one round trip.</summary>
    public async Task<(bool InRecovery, NpgsqlLogSequenceNumber? Replayed)> ReadReplayAsync(
        CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetBoolean(0),
            await reader.IsDBNullAsync(1, cancellationToken) ? null : reader.GetFieldValue<NpgsqlLogSequenceNumber>(1));
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}

/// <summary>
/// What a check saw: <see cref="FreshAsOf"/> is the latest moment whose primary position the standby has replayed,
/// null when it is down, not a standby, or behind every position still remembered.
/// </summary>
internal sealed record StandbyState(NpgsqlLogSequenceNumber Replayed, DateTimeOffset? FreshAsOf, string? Problem)
{
    public static StandbyState Unchecked { get; } = new(default, null, "not checked yet");

    public static StandbyState Failed(string problem) => new(default, null, problem);

    public bool CanServe(DateTimeOffset now, TimeSpan maxLag, NpgsqlLogSequenceNumber? atLeast) =>
        FreshAsOf is { } fresh && now - fresh <= maxLag && (atLeast is null || Replayed >= atLeast.Value);
}
