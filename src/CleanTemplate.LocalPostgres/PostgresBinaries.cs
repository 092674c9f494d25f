using System.Globalization;

namespace CleanTemplate.LocalPostgres;

/// <summary>A folder holding the PostgreSQL server tools.</summary>
internal sealed record PostgresBinaries(string BinDirectory)
{
    // Debian and Ubuntu keep server binaries off PATH, in one folder per major version.
    private const string DistributionRoot = "/usr/lib/postgresql";

    private static readonly string[] RequiredTools = ["initdb", "pg_ctl", "postgres"];

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    public string PgBaseBackup => BesideTheServer("pg_basebackup");

    public static PostgresBinaries? Find() =>
        SearchedDirectories().FirstOrDefault(HasAllTools) is { } directory ? new PostgresBinaries(directory) : null;

    public static PostgresBinaries Require()
    {
        if (Find() is { } binaries)
            return binaries;

        var searched = SearchedDirectories().ToList();
        var missing = RequiredTools
            .Where(tool => !searched.Any(directory => File.Exists(Path.Combine(directory, tool))));
        throw new LocalPostgresException(
            $"The PostgreSQL server binaries were not found: no folder on PATH or under {DistributionRoot}/*/bin "
            + $"holds all of {string.Join(", ", RequiredTools)} "
            + $"(missing everywhere: {string.Join(", ", missing.DefaultIfEmpty("none"))}).");
    }

    /// <summary>The server version, e.g. "15.18".</summary>
    public async Task<string> GetVersionAsync(CancellationToken cancellationToken)
    {
        // pg_ctl answers --version before its refusal to run as root, so this needs no user switch.
        var result = (await ProcessRunner.RunAsync(PgCtl, ["--version"], cancellationToken)).ThrowIfFailed();
        var words = result.StandardOutput
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var marker = Array.IndexOf(words, "(PostgreSQL)");
        return marker >= 0
            && marker + 1 < words.Length
            && words[marker + 1].All(c => char.IsAsciiLetterOrDigit(c) || c == '.')
            ? words[marker + 1]
            : throw LocalPostgresException.CommandFailed(result, "The version could not be read from this output.");
    }

    private static bool HasAllTools(string directory) =>
        RequiredTools.All(tool => File.Exists(Path.Combine(directory, tool)));

    private static IEnumerable<string> SearchedDirectories()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var onPath = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var distribution = Directory.Exists(DistributionRoot)
            ? Directory.EnumerateDirectories(DistributionRoot)
                .Select(directory => (
                    Version: ParseMajorVersion(Path.GetFileName(directory)),
                    Bin: Path.Combine(directory, "bin")))
                .Where(candidate => candidate.Version is not null)
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
            : [];
        return onPath.Concat(distribution);
    }

    // Folder names are "16" or, before PostgreSQL 10, "9.6".
    private static Version? ParseMajorVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version)
            ? version
            : null;

    // PATH may hold links to initdb, pg_ctl and postgres alone: the other tools are in the folder they link to.
    private string BesideTheServer(string tool)
    {
        var here = Path.Combine(BinDirectory, tool);
        var server = File.ResolveLinkTarget(InitDb, returnFinalTarget: true)?.FullName;
        return File.Exists(here) || server is null ? here : Path.Combine(Path.GetDirectoryName(server)!, tool);
    }
}
