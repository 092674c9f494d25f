namespace CleanTemplate.TestSupport;

/// <summary>The repository's root, which holds the solution file; tests run from bin folders below it.</summary>
public static class RepositoryFolder
{
    public static string Path { get; } = Find();

    /// <summary>A path below the root, given by its segments (<c>"deploy", "pgbouncer", "pgbouncer.ini"</c>).</summary>
    public static string Combine(params string[] segments) => System.IO.Path.Combine([Path, .. segments]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (folder.EnumerateFiles("*.slnx").Any())
                return folder.FullName;
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds a .slnx file.");
    }
}
