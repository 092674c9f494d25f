namespace CleanTemplate.LocalPostgres;

/// <summary>A local PostgreSQL server could not be provided; the message says why and how to provide one.</summary>
public sealed class LocalPostgresException : InvalidOperationException
{
    private const string HowToProvideServer =
        "To use an existing PostgreSQL server instead, set its connection string (the tests: TEST_POSTGRES_CONNECTION; "
        + "the app in Development: ConnectionStrings__Database); or install the PostgreSQL server binaries (initdb, "
        + "pg_ctl, postgres), e.g. 'apt-get install postgresql'.";

    internal LocalPostgresException(string message, Exception? innerException = null)
        : base(message + Environment.NewLine + HowToProvideServer, innerException)
    {
    }

    internal static LocalPostgresException CommandFailed(ProcessResult result, string? details = null)
    {
        var message = $"'{result.CommandLine}' failed with exit code {result.ExitCode}.";
        var sections = new[]
        {
            ("stderr", result.StandardError), ("stdout", result.StandardOutput), ("details", details),
        };
        foreach (var (label, text) in sections)
        {
            if (!string.IsNullOrWhiteSpace(text))
                message += $"{Environment.NewLine}{label}:{Environment.NewLine}{text.TrimEnd()}";
        }

        return new LocalPostgresException(message);
    }
}
