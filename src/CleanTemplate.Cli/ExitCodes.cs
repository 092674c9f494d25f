namespace CleanTemplate.Cli;

/// <summary>What the process exit code means, for scripts and CI.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The verb failed, or found what it checks for: drift, model changes without a migration.</summary>
    public const int Failure = 1;

    /// <summary>The command line or configuration is wrong: unknown verb or migration, no connection string.</summary>
    public const int Usage = 2;
}
