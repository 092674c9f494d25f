using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;

namespace CleanTemplate.LocalPostgres;

/// <summary>
/// New clusters are copies of one pristine initdb output: initdb takes most of a second, a copy a fraction of that.
/// The pristine cluster is kept under the ephemeral root per server version and per OS account (its files belong to
/// that account), built by one process at a time.
/// </summary>
internal static class PristineClusterCache
{
    public const string FolderPrefix = "initdb-cache-";

    // Part of the folder name: change it whenever the initdb arguments or the post-initdb edits change.
    private const string Layout = "v1";

    private static readonly TimeSpan BuildLockTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Fills a missing or empty folder with a new cluster.</summary>
    [UnsupportedOSPlatform("windows")]
    public static async Task ProvisionAsync(
        PostgresBinaries binaries,
        ServerAccount account,
        string dataDirectory,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var pristine = await GetOrCreateAsync(binaries, account, logger, cancellationToken);
        // Copied beside the target and renamed into place, so an interrupted copy never passes for a usable cluster.
        var staging = $"{dataDirectory}.staging-{Guid.NewGuid():N}";
        try
        {
            Copy(pristine, staging);
            await account.GiveOwnershipAsync(staging, cancellationToken);
            if (Directory.Exists(dataDirectory))
                Directory.Delete(dataDirectory);
            Directory.Move(staging, dataDirectory);
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    [UnsupportedOSPlatform("windows")]
    private static async Task<string> GetOrCreateAsync(
        PostgresBinaries binaries, ServerAccount account, ILogger logger, CancellationToken cancellationToken)
    {
        var version = await binaries.GetVersionAsync(cancellationToken);
        var pristine = Path.Combine(EphemeralRuns.Root, $"{FolderPrefix}{Layout}-{version}-{account.UserName}");
        if (Directory.Exists(pristine))
            return pristine;

        // Parallel test processes on a fresh machine (CI) would otherwise all run initdb at once, slowing each other.
        EphemeralRuns.EnsureRoot();
        using var buildLock =
            await CrossProcessLock.AcquireAsync(pristine + ".lock", BuildLockTimeout, cancellationToken);
        if (Directory.Exists(pristine))
            return pristine;

        logger.LogInformation(
            "Creating the pristine PostgreSQL {Version} cluster {Folder} (once per version and OS user)",
            version,
            pristine);
        // Built in a run folder of this process, so CleanUpOrphans removes it should this process die half way.
        var scratch = EphemeralRuns.NewDataDirectory();
        var scratchRun = EphemeralRuns.Claim(scratch);
        try
        {
            await account.CreatePrivateDirectoryAsync(scratch, cancellationToken);
            // Trust authentication is safe only because the server listens on 127.0.0.1 alone (see ServerSettings).
            (await account.RunAsync(
                binaries.InitDb,
                [
                    "--pgdata=" + scratch,
                    "--username=" + LocalPostgresCluster.AdminUser,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C",
                    "--no-sync",
                ],
                cancellationToken)).ThrowIfFailed(account.PermissionHint(scratch));
            ServerSettings.IncludeIn(scratch);
            // Renamed into place so that no process ever sees a partial pristine cluster.
            Directory.Move(scratch, pristine);
        }
        finally
        {
            Directory.Delete(scratchRun, recursive: true);
        }

        return pristine;
    }

    [UnsupportedOSPlatform("windows")]
    private static void Copy(string source, string destination)
    {
        // Only the owner may enter a PostgreSQL data folder, so folder modes are kept; File.Copy keeps file modes.
        Directory.CreateDirectory(destination, File.GetUnixFileMode(source));
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        foreach (var folder in Directory.EnumerateDirectories(source))
            Copy(folder, Path.Combine(destination, Path.GetFileName(folder)));
    }
}
