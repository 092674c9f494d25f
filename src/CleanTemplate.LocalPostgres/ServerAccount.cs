using System.Runtime.Versioning;

namespace CleanTemplate.LocalPostgres;

/// <summary>
/// The OS account that owns the cluster files and runs the server. PostgreSQL refuses to run as root, so a root
/// process (usual in containers and CI) hands the work to the 'postgres' account that the server packages create.
/// </summary>
internal sealed class ServerAccount
{
    private ServerAccount(string userName, bool switchesUser)
    {
        UserName = userName;
        SwitchesUser = switchesUser;
    }

    public static ServerAccount Current { get; } =
        Environment.UserName == "root"
            ? new ServerAccount("postgres", switchesUser: true)
            : new ServerAccount(Environment.UserName, switchesUser: false);

    public string UserName { get; }

    /// <summary>True when the server runs as another user than this process.</summary>
    public bool SwitchesUser { get; }

    public Task<ProcessResult> RunAsync(
        string executable,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken) =>
        SwitchesUser
            ? ProcessRunner.RunAsync("runuser", ["-u", UserName, "--", executable, .. arguments], cancellationToken)
            : ProcessRunner.RunAsync(executable, arguments, cancellationToken);

    /// <summary>Creates an empty folder only the server account can enter, as PostgreSQL demands for PGDATA.</summary>
    [UnsupportedOSPlatform("windows")]
    public async Task CreatePrivateDirectoryAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await GiveOwnershipAsync(path, cancellationToken);
    }

    /// <summary>Hands a folder tree created by this process to the server account.</summary>
    public async Task GiveOwnershipAsync(string path, CancellationToken cancellationToken)
    {
        if (SwitchesUser)
            (await ProcessRunner.RunAsync("chown", ["-R", UserName + ":", path], cancellationToken)).ThrowIfFailed();
    }

    /// <summary>Explains the usual cause of "permission denied" when the server runs as another user.</summary>
    public string? PermissionHint(string dataDirectory) =>
        SwitchesUser
            ? $"This process runs as root, so PostgreSQL runs as the OS user '{UserName}', "
                + $"which needs execute permission on every parent folder of {dataDirectory}."
            : null;
}
