namespace CleanTemplate.Infrastructure.Persistence.LocalPostgres;

/// <summary>A local PostgreSQL server could not be provided; the message says why and how to provide one.</summary>
internal sealed class LocalPostgresException(string message, Exception? innerException = null)
    : InvalidOperationException(message + Environment.NewLine + HowToProvideServer, innerException)
{
    private const string HowToProvideServer =
        "To provide a server, either set the environment variable TEST_POSTGRES_CONNECTION to a connection string "
        + "of an existing PostgreSQL server, or install the PostgreSQL server binaries (initdb, pg_ctl, postgres), "
        + "e.g. 'apt-get install postgresql'.";

    public static LocalPostgresException CommandFailed(ProcessResult result, string? details = null)
    {
        var message = $"'{result.CommandLine}' failed with exit code {result.ExitCode}.";
        foreach (var (label, text) in new[] { ("stderr", result.StandardError), ("stdout", result.StandardOutput), ("details", details) })
        {
            if (!string.IsNullOrWhiteSpace(text))
                message += $"{Environment.NewLine}{label}:{Environment.NewLine}{text.TrimEnd()}";
        }

        return new LocalPostgresException(message);
    }
}
