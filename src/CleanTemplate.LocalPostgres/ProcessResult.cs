namespace CleanTemplate.LocalPostgres;

/// <summary>How a finished command went.</summary>
internal sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    public ProcessResult ThrowIfFailed(string? details = null) =>
        Succeeded ? this : throw LocalPostgresException.CommandFailed(this, details);
}
