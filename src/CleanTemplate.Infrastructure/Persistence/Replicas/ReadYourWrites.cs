using CleanTemplate.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace CleanTemplate.Infrastructure.Persistence.Replicas;

/// <summary>
/// A request's caller must see their own writes: a read goes to a standby only if it has replayed the caller's last
/// write position, the larger of the one the client sent back and the one this instance remembers for the user. A
/// token issued less than the maximum lag ago (a new account) reads from the primary. The design and its cost:
/// docs/read-replicas.md.
/// </summary>
internal sealed partial class ReadYourWrites(
    ReplicaSet replicas,
    RecentWrites recent,
    NpgsqlDataSource primary,
    ICurrentUser caller,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<ReadYourWrites> logger) : IReadYourWrites
{
    // Where the write position could not be read: the user's reads stay on the primary for the remembered time.
    private static readonly NpgsqlLogSequenceNumber Unknown = new(ulong.MaxValue);

    private NpgsqlLogSequenceNumber? _sent;

    /// <summary>The position a standby must have replayed to serve this caller; null when any standby may.</summary>
    public NpgsqlLogSequenceNumber? RequiredPosition =>
        caller.Id is { } id && recent.Of(id) is { } remembered && (_sent is null || remembered > _sent.Value)
            ? remembered
            : _sent;

    /// <summary>The caller's reads go to the primary whatever the standbys have replayed: a token this young.</summary>
    public bool PrimaryOnly => caller.SignedInAt is { } issued && clock.GetUtcNow() - issued < replicas.MaxLag;

    /// <summary>A command ran in this scope: whatever it read, and what follows, is on the primary.</summary>
    public bool Writing { get; set; }

    public bool TryFollow(string position)
    {
        if (!NpgsqlLogSequenceNumber.TryParse(position, out var parsed))
            return false;
        _sent = parsed;
        return true;
    }

    public async Task<string?> CommittedPositionAsync(CancellationToken cancellationToken)
    {
        if (!Writing || services.GetRequiredService<ICommittedWrites>().Count == 0)
            return null;

        NpgsqlLogSequenceNumber? position;
        try
        {
            await using var command = primary.CreateCommand("SELECT pg_current_wal_insert_lsn()");
            position = (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.PositionUnknown(logger, exception);
            position = null;
        }

        if (caller.Id is { } id)
            recent.Remember(id, position ?? Unknown);
        return position?.ToString();
    }

    private static partial class Log
    {
        [LoggerMessage(
            Level = LogLevel.Warning,
            Message = "The WAL position of a committed write could not be read; the user reads from the primary")]
        public static partial void PositionUnknown(ILogger logger, Exception exception);
    }
}
