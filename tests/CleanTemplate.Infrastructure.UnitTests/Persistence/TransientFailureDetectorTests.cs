using System.Net.Sockets;
using CleanTemplate.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CleanTemplate.Infrastructure.UnitTests.Persistence;

public sealed class TransientFailureDetectorTests
{
    private readonly TransientFailureDetector _detector = new();

    [Theory]
    [InlineData(PostgresErrorCodes.CannotConnectNow)]
    [InlineData(PostgresErrorCodes.AdminShutdown)]
    [InlineData(PostgresErrorCodes.CrashShutdown)]
    [InlineData(PostgresErrorCodes.TooManyConnections)]
    [InlineData(PostgresErrorCodes.ConnectionFailure)]
    [InlineData(PostgresErrorCodes.OutOfMemory)]
    [InlineData(PostgresErrorCodes.DiskFull)]
    [InlineData(PostgresErrorCodes.IoError)]
    public void A_server_that_cannot_serve_now_is_unavailable(string sqlState) =>
        _detector.IsDatabaseUnavailable(Server(sqlState)).ShouldBeTrue();

    [Theory]
    [InlineData(PostgresErrorCodes.DeadlockDetected)]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    [InlineData(PostgresErrorCodes.CharacterNotInRepertoire)]
    public void A_failure_of_the_request_itself_is_not_an_outage(string sqlState) =>
        _detector.IsDatabaseUnavailable(Server(sqlState)).ShouldBeFalse();

    [Fact]
    public void Retries_run_out_on_a_server_starting_up_is_unavailable() =>
        _detector.IsDatabaseUnavailable(
                new RetryLimitExceededException("Retries ran out.", Server(PostgresErrorCodes.CannotConnectNow)))
            .ShouldBeTrue();

    [Fact]
    public void Retries_run_out_on_a_deadlock_is_not_an_outage() =>
        _detector.IsDatabaseUnavailable(
                new RetryLimitExceededException("Retries ran out.", Server(PostgresErrorCodes.DeadlockDetected)))
            .ShouldBeFalse();

    [Fact]
    public void A_refused_connection_wrapped_by_ef_is_unavailable() =>
        _detector.IsDatabaseUnavailable(new InvalidOperationException(
                "An exception has been raised that is likely due to a transient failure.",
                new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))))
            .ShouldBeTrue();

    [Fact]
    public void An_exhausted_pool_is_unavailable() =>
        _detector.IsDatabaseUnavailable(
                new NpgsqlException("The connection pool has been exhausted", new TimeoutException()))
            .ShouldBeTrue();

    [Fact]
    public void A_bug_is_not_an_outage() =>
        _detector.IsDatabaseUnavailable(new InvalidOperationException("Sequence contains no elements")).ShouldBeFalse();

    private static PostgresException Server(string sqlState) => new("message", "ERROR", "ERROR", sqlState);
}
