using System.Globalization;
using Microsoft.Extensions.Logging;

namespace CleanTemplate.LocalPostgres;

/// <summary>Starts and stops the server of one cluster folder through pg_ctl.</summary>
internal sealed class ServerControl(
    PostgresBinaries binaries,
    ServerAccount account,
    string dataDirectory,
    ILogger logger)
{
    private const string TimeoutSeconds = "30";

    // Only a port picked here can be swapped when another process takes it before the server binds it.
    private const int PortAttempts = 5;

    // The tail is enough to show why a start failed without flooding the exception message.
    private const int MaxLogExcerptBytes = 8 * 1024;

    private string LogFile => Path.Combine(dataDirectory, "server.log");

    private string LockFile => Path.Combine(dataDirectory, "postmaster.pid");

    /// <summary>
    /// Starts the server on the port (0: a free one) and waits until it accepts connections; returns the port.
    /// </summary>
    public async Task<int> StartAsync(int requestedPort, bool tunedForTests, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = requestedPort == 0 ? LoopbackPort.PickFree() : requestedPort;
            ServerSettings.Write(dataDirectory, port, tunedForTests);
            var logOffset = File.Exists(LogFile) ? new FileInfo(LogFile).Length : 0;
            var result = await account.RunAsync(
                binaries.PgCtl,
                [
                    "start",
                    "--wait",
                    "--silent",
                    "--timeout=" + TimeoutSeconds,
                    "--pgdata=" + dataDirectory,
                    "--log=" + LogFile,
                ],
                cancellationToken);
            if (result.Succeeded)
                return port;

            var log = ReadLogFrom(logOffset);
            if (requestedPort == 0
                && attempt < PortAttempts
                && log.Contains("Address already in use", StringComparison.Ordinal))
            {
                logger.LogDebug("Port {Port} was taken before PostgreSQL could bind it; trying another", port);
                continue;
            }

            throw LocalPostgresException.CommandFailed(
                result,
                string.Join(
                    Environment.NewLine,
                    new[] { "server.log:", log, account.PermissionHint(dataDirectory) }.OfType<string>()));
        }
    }

    /// <summary>Stops the server if it runs; returns false when it still runs afterwards.</summary>
    public async Task<bool> StopAsync(bool immediate, CancellationToken cancellationToken)
    {
        if (!IsRunning())
            return true;

        var result = await account.RunAsync(
            binaries.PgCtl,
            [
                "stop",
                "--wait",
                "--silent",
                "--timeout=" + TimeoutSeconds,
                "--pgdata=" + dataDirectory,
                "--mode=" + (immediate ? "immediate" : "fast"),
            ],
            cancellationToken);
        if (!IsRunning())
            return true;

        logger.LogWarning(
            "PostgreSQL in {DataDirectory} is still running after '{Command}': {Error}",
            dataDirectory,
            result.CommandLine,
            result.StandardError.Trim());
        return false;
    }

    public bool IsRunning() => RunningProcessId() is not null;

    /// <summary>The postmaster's process id while it runs, from its lock file.</summary>
    public int? RunningProcessId() =>
        ReadPostmasterId() is { } processId && OsProcess.IsRunning(processId, "postgres") ? processId : null;

    /// <summary>
    /// Removes a lock file whose server is gone. pg_ctl copes when its PID is dead, but not when a container restart
    /// has handed that PID to another process.
    /// </summary>
    public void RemoveStaleLockFile()
    {
        if (File.Exists(LockFile) && !IsRunning())
        {
            logger.LogInformation(
                "Removing the stale lock file {LockFile} of a server that is no longer running", LockFile);
            File.Delete(LockFile);
        }
    }

    private int? ReadPostmasterId()
    {
        try
        {
            var firstLine = File.ReadLines(LockFile).FirstOrDefault();
            return int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
                ? processId
                : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private string ReadLogFrom(long offset)
    {
        try
        {
            using var stream =
                new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Max(offset, stream.Length - MaxLogExcerptBytes), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return string.Empty;
        }
    }
}
