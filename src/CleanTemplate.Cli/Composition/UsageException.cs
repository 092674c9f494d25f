namespace CleanTemplate.Cli.Composition;

/// <summary>
/// The command line or configuration cannot work (unknown migration, no connection string): exit code 2 with this
/// message.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
