using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;

namespace CleanTemplate.LocalPostgres;

/// <summary>Gets a cluster folder ready for its server to start.</summary>
internal static class ClusterFolder
{
    /// <summary>
    /// Creates a cluster in a missing or empty folder, or clears what a killed earlier run left in an existing one.
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    public static async Task PrepareAsync(
        PostgresBinaries binaries,
        ServerAccount account,
        ServerControl server,
        string dataDirectory,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            // A Development host that was killed leaves its detached server running on the folder.
            if (server.IsRunning())
            {
                logger.LogWarning(
                    "Stopping the PostgreSQL server an earlier run left running in {DataDirectory}", dataDirectory);
                if (!await server.StopAsync(immediate: false, cancellationToken))
                {
                    throw new LocalPostgresException(
                        $"The PostgreSQL server left running in {dataDirectory} could not be stopped.");
                }
            }

            server.RemoveStaleLockFile();
            return;
        }

        if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            throw new LocalPostgresException(
                $"{dataDirectory} holds files but no PostgreSQL cluster (no PG_VERSION); "
                + "delete it or choose another folder.");
        }

        // Created ahead with default permissions: provisioning would give missing parents PGDATA's private mode.
        Directory.CreateDirectory(Path.GetDirectoryName(dataDirectory)!);
        await PristineClusterCache.ProvisionAsync(binaries, account, dataDirectory, logger, cancellationToken);
    }
}
