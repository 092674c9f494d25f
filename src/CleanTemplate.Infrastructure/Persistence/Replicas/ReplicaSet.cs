using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace CleanTemplate.Infrastructure.Persistence.Replicas;

/// <summary>
/// The standbys that may take reads, and how far each is behind. A check samples the primary's WAL position, then
/// each standby's replay position: a standby that has replayed the position the primary had at time T shows every
/// commit before T, so its lag is at most now - T. The samples of the last <see cref="MaxLag"/> are kept; a standby
/// behind all of them, down, or no longer in recovery serves nothing until a check finds it well again.
/// </summary>
internal sealed partial class ReplicaSet(
    IReadOnlyList<Standby> standbys,
    NpgsqlDataSource primary,
    DatabaseOptions options,
    TimeProvider clock,
    ILogger<ReplicaSet> logger) : IAsyncDisposable, IDisposable
{
    private readonly Queue<(DateTimeOffset At, NpgsqlLogSequenceNumber Position)> _primaryPositions = new();
    private readonly SemaphoreSlim _checking = new(1, 1);
    private int _next;

    public IReadOnlyList<Standby> Standbys => standbys;

    public TimeSpan MaxLag { get; } = TimeSpan.FromSeconds(options.ReplicaMaxLagSeconds);

    public TimeSpan CheckInterval { get; } = TimeSpan.FromMilliseconds(options.ReplicaCheckIntervalMilliseconds);

    /// <summary>
    /// The next standby, in turn, that is within <see cref="MaxLag"/> and has replayed <paramref name="atLeast"/>;
    /// null when none is: the primary serves.
    /// </summary>
    public Standby? Pick(NpgsqlLogSequenceNumber? atLeast)
    {
        var now = clock.GetUtcNow();
        var first = (uint)Interlocked.Increment(ref _next);
        for (var i = 0u; i < standbys.Count; i++)
        {
            var standby = standbys[(int)((first + i) % (uint)standbys.Count)];
            if (standby.State.CanServe(now, MaxLag, atLeast))
                return standby;
        }

        return null;
    }

    /// <summary>A read on <paramref name="standby"/> could not reach it: no more reads until a check says so.</summary>
    public void Unreachable(Standby standby, Exception exception)
    {
        standby.State = StandbyState.Failed(exception.Message);
        Log.Unreachable(logger, exception, standby.Name);
    }

    /// <summary>One round of checks; rounds run one at a time.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await _checking.WaitAsync(cancellationToken);
        try
        {
            await CheckAllAsync(cancellationToken);
        }
        finally
        {
            _checking.Release();
        }
    }

    private async Task CheckAllAsync(CancellationToken cancellationToken)
    {
        NpgsqlLogSequenceNumber position;
        try
        {
            await using var command = primary.CreateCommand("SELECT pg_current_wal_lsn()");
            position = (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Without the primary's position no lag can be measured; what the standbys last showed ages instead.
            Log.PrimaryUnreachable(logger, exception);
            return;
        }

        var sampledAt = clock.GetUtcNow();
        _primaryPositions.Enqueue((sampledAt, position));
        while (_primaryPositions.Count > 1 && sampledAt - _primaryPositions.Peek().At > MaxLag + CheckInterval)
            _primaryPositions.Dequeue();

        foreach (var standby in standbys)
            await CheckAsync(standby, cancellationToken);
    }

    private async Task CheckAsync(Standby standby, CancellationToken cancellationToken)
    {
        var before = standby.State;
        StandbyState now;
        try
        {
            var (inRecovery, replayed) = await standby.ReadReplayAsync(cancellationToken);
            now = !inRecovery || replayed is not { } position ? StandbyState.Failed("not in recovery: not a standby")
                : new StandbyState(position, FreshAsOf(position), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            now = StandbyState.Failed(exception.Message);
        }

        standby.State = now;
        var checkedAt = clock.GetUtcNow();
        var served = before.CanServe(checkedAt, MaxLag, null);
        var serves = now.CanServe(checkedAt, MaxLag, null);
        if (served && !serves)
            Log.Skipped(logger, standby.Name, now.Problem ?? $"more than {MaxLag.TotalSeconds:F0} s behind");
        else if (!served && serves)
            Log.Serving(logger, standby.Name);
    }

    // The latest sample the standby has reached; null when it is behind every one kept.
    private DateTimeOffset? FreshAsOf(NpgsqlLogSequenceNumber replayed)
    {
        DateTimeOffset? fresh = null;
        foreach (var (at, position) in _primaryPositions)
        {
            if (position <= replayed)
                fresh = at;
        }

        return fresh;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var standby in standbys)
            await standby.DisposeAsync();
        _checking.Dispose();
    }

    public void Dispose()
    {
        foreach (var standby in standbys)
            standby.Dispose();
        _checking.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Standby {Standby} serves reads")]
        public static partial void Serving(ILogger logger, string standby);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Standby {Standby} is skipped: {Reason}")]
        public static partial void Skipped(ILogger logger, string standby, string reason);

        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "Standby {Standby} failed a read, which the primary serves instead")]
        public static partial void Unreachable(ILogger logger, Exception exception, string standby);

        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "The primary's WAL position could not be read; standby lag is not measured this round")]
        public static partial void PrimaryUnreachable(ILogger logger, Exception exception);
    }
}
