using System.Globalization;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;

namespace CleanTemplate.LocalPostgres;

/// <summary>
/// Ephemeral clusters live in <c>Root/&lt;run&gt;/data</c>, next to <c>Root/&lt;run&gt;/owner.pid</c> naming the owning
/// process. pg_ctl detaches the server, so a test host that is killed leaves it running; the owner file lets a later
/// run find such orphans and remove them.
/// </summary>
internal static class EphemeralRuns
{
    private const string DataFolderName = "data";
    private const string OwnerFileName = "owner.pid";

    // Below this, a RAM-backed folder (Docker gives 64 MB by default) could fill up with test databases.
    private const long MinRamFolderBytes = 1L << 30;

    // A run folder exists a moment before its owner file is written; until then it must not be taken for an orphan.
    private static readonly TimeSpan OwnerFileGrace = TimeSpan.FromMinutes(1);

    public static string Root { get; } = Path.Combine(ChooseParentFolder(), "cleantemplate-pg");

    public static string NewDataDirectory() => Path.Combine(NewRunFolder(), DataFolderName);

    /// <summary>A run folder's path, not created yet: claim it with <see cref="ClaimRunFolder"/>.</summary>
    public static string NewRunFolder(string? suffix = null) =>
        Path.Combine(Root, $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}"
            + (suffix is null ? "" : "-" + suffix));

    /// <summary>
    /// Creates the run folder around <paramref name="dataDirectory"/> and records this process as its owner.
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    public static string Claim(string dataDirectory)
    {
        var runFolder = Path.GetDirectoryName(dataDirectory);
        if (Path.GetFileName(dataDirectory) != DataFolderName
            || runFolder is null
            || Path.GetDirectoryName(runFolder) != Root)
        {
            throw new ArgumentException(
                $"An ephemeral cluster must live at {Path.Combine(Root, "<run>", DataFolderName)} "
                + $"(see LocalPostgresOptions.ForTests()); got {dataDirectory}.",
                nameof(dataDirectory));
        }

        return ClaimRunFolder(runFolder);
    }

    /// <summary>
    /// Creates <paramref name="runFolder"/> (under <see cref="Root"/>) and records this process as its owner.
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    public static string ClaimRunFolder(string runFolder)
    {
        if (Directory.Exists(runFolder))
            throw new ArgumentException($"The run folder {runFolder} is already in use.", nameof(runFolder));

        EnsureRoot();
        Directory.CreateDirectory(runFolder);
        // Whatever the umask: the server account must be able to pass through to its data folder.
        File.SetUnixFileMode(runFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.WriteAllText(
            Path.Combine(runFolder, OwnerFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return runFolder;
    }

    /// <summary>
    /// Stops and deletes the clusters and PgBouncers of processes that are gone; live processes' runs stay.
    /// </summary>
    public static async Task CleanUpOrphansAsync(
        PostgresBinaries? binaries,
        ServerAccount account,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root))
            return;

        foreach (var runFolder in Directory.GetDirectories(Root))
        {
            if (Path.GetFileName(runFolder).StartsWith(PristineClusterCache.FolderPrefix, StringComparison.Ordinal)
                || !IsOrphan(runFolder))
                continue;

            try
            {
                await LocalPgBouncer.StopInAsync(runFolder);
                var dataDirectory = Path.Combine(runFolder, DataFolderName);
                if (Directory.Exists(dataDirectory))
                {
                    if (binaries is null)
                        continue;
                    var server = new ServerControl(binaries, account, dataDirectory, logger);
                    if (!await server.StopAsync(immediate: true, cancellationToken))
                        continue;
                }

                Directory.Delete(runFolder, recursive: true);
                logger.LogInformation("Removed the orphaned PostgreSQL cluster {RunFolder}", runFolder);
            }
            catch (DirectoryNotFoundException)
            {
                // Another process cleaning up at the same time got there first.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or LocalPostgresException
                or TimeoutException)
            {
                logger.LogWarning(e, "Could not remove the orphaned PostgreSQL cluster {RunFolder}", runFolder);
            }
        }
    }

    [UnsupportedOSPlatform("windows")]
    public static void EnsureRoot()
    {
        // Shared like /tmp (everyone may create, only owners may delete), so root and non-root runs can share it.
        const UnixFileMode shared = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute | UnixFileMode.StickyBit;
        if (Directory.CreateDirectory(Root).UnixFileMode == shared)
            return;

        try
        {
            File.SetUnixFileMode(Root, shared);
        }
        catch (UnauthorizedAccessException)
        {
            // Created by another user; it serves that user's runs and ours as it is.
        }
    }

    /// <summary>
    /// A cluster is a thousand small files, and creating files is most of what starting one and every CREATE DATABASE
    /// cost; on a RAM-backed /dev/shm that is several times faster than on a disk-backed temp folder. An explicit
    /// TMPDIR wins.
    /// </summary>
    private static string ChooseParentFolder()
    {
        const string ramFolder = "/dev/shm";
        if (!OperatingSystem.IsLinux() || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TMPDIR")))
            return Path.GetTempPath();

        try
        {
            var drive = new DriveInfo(ramFolder);
            return drive.DriveFormat == "tmpfs" && drive.AvailableFreeSpace >= MinRamFolderBytes
                ? ramFolder
                : Path.GetTempPath();
        }
        catch (IOException)
        {
            return Path.GetTempPath();
        }
    }

    private static bool IsOrphan(string runFolder)
    {
        try
        {
            var owner = File.ReadAllText(Path.Combine(runFolder, OwnerFileName));
            if (int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var processId))
                return !OsProcess.IsAlive(processId);
        }
        catch (FileNotFoundException)
        {
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        // No owner recorded (or only partly written): an orphan only once its creator has had ample time to write it.
        return DateTime.UtcNow - Directory.GetLastWriteTimeUtc(runFolder) > OwnerFileGrace;
    }
}
