using CleanTemplate.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace CleanTemplate.Infrastructure.Persistence.Replicas;

/// <summary>
/// What a request's caller must see when standbys take reads (registered only then): their own writes. A read goes
/// to a standby only if it has replayed the caller's last write position, which is the larger of the one the client
/// sent back and the one this instance remembers for the user; a token issued less than the maximum lag ago (a new
/// account) reads from the primary. The host tells it who the caller is, and after the request, asks for the position
/// of what it committed. The design and its cost: docs/read-replicas.md.
/// </summary>
public sealed partial class ReadYourWrites
{
    // Where the write position could not be read: the user's reads stay on the primary for the remembered time.
    private static readonly NpgsqlLogSequenceNumber Unknown = new(ulong.MaxValue);

    private readonly ReplicaSet _replicas;
    private readonly RecentWrites _recent;
    private readonly NpgsqlDataSource _primary;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReadYourWrites> _logger;
    private int? _userId;

    internal ReadYourWrites(
        ReplicaSet replicas,
        RecentWrites recent,
        NpgsqlDataSource primary,
        IServiceProvider services,
        TimeProvider clock,
        ILogger<ReadYourWrites> logger)
    {
        _replicas = replicas;
        _recent = recent;
        _primary = primary;
        _services = services;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The position a standby must have replayed to serve this caller; null when any standby may.</summary>
    internal NpgsqlLogSequenceNumber? RequiredPosition { get; private set; }

    /// <summary>The caller's reads go to the primary whatever the standbys have replayed.</summary>
    internal bool PrimaryOnly { get; private set; }

    /// <summary>A command ran in this scope: whatever it read, and what follows, is on the primary.</summary>
    internal bool Writing { get; set; }

    /// <summary>
    /// The caller: <paramref name="userId"/> when signed in, with their token's issue time; and the write position
    /// the client sent back, if it did.
    /// </summary>
    public void ForCaller(int? userId, DateTimeOffset? tokenIssuedAt, NpgsqlLogSequenceNumber? lastWrite)
    {
        _userId = userId;
        PrimaryOnly = tokenIssuedAt is { } issued && _clock.GetUtcNow() - issued < _replicas.MaxLag;
        var remembered = userId is { } id ? _recent.Of(id) : null;
        RequiredPosition = remembered is null || (lastWrite is { } sent && sent > remembered.Value)
            ? lastWrite
            : remembered;
    }

    /// <summary>
    /// The primary's WAL position once this scope's writes committed, remembered for the caller; null when it
    /// committed nothing (one round trip to the primary otherwise).
    /// </summary>
    public async Task<NpgsqlLogSequenceNumber?> CommittedPositionAsync(CancellationToken cancellationToken)
    {
        if (!Writing || _services.GetRequiredService<ICommittedWrites>().Count == 0)
            return null;

        NpgsqlLogSequenceNumber? position;
        try
        {
            await using var command = _primary.CreateCommand("SELECT pg_current_wal_insert_lsn()");
            position = (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.PositionUnknown(_logger, exception);
            position = null;
        }

        if (_userId is { } id)
            _recent.Remember(id, position ?? Unknown);
        return position;
    }

    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "The WAL position of a committed write could not be read; the user reads from the primary")]
        public static partial void PositionUnknown(ILogger logger, Exception exception);
    }
}
