namespace CleanTemplate.LocalPostgres;

/// <summary>An exclusive lock on a file, held until disposed; the OS releases it if the holder dies.</summary>
internal static class CrossProcessLock
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<IDisposable> AcquireAsync(
        string path,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                // FileShare.None takes an flock(2) lock on Unix. Read access suffices for it and lets every user open a
                // lock file that another user created.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.None);
            }
            catch (IOException e) when (e is not DirectoryNotFoundException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(PollInterval, cancellationToken);
            }
            catch (IOException e) when (e is not DirectoryNotFoundException)
            {
                throw new LocalPostgresException(
                    $"Timed out after {timeout.TotalSeconds:0} s waiting for the lock {path}.", e);
            }
        }
    }
}
