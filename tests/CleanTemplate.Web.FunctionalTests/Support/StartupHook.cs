using System.Reflection;

// A .NET startup hook (DOTNET_STARTUP_HOOKS) that WebAppProcess loads into the app it runs. When
// LOADED_ASSEMBLIES_FILE names a file, it appends the name of every assembly the process has loaded, and then
// of each one as the runtime loads it, one a line. The runtime requires this exact name in the global namespace, and
// the hook touches nothing but the base library, so loading this assembly pulls in nothing else.
#pragma warning disable CA1050 // Declare types in namespaces: the runtime looks the hook up by this exact global name.
internal static class StartupHook
#pragma warning restore CA1050
{
    public const string FileVariable = "LOADED_ASSEMBLIES_FILE";

    private static readonly Lock Gate = new();

    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(FileVariable) is not { Length: > 0 } file)
            return;

        AppDomain.CurrentDomain.AssemblyLoad += (_, loaded) => Record(file, loaded.LoadedAssembly);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
            Record(file, assembly);
    }

    private static void Record(string file, Assembly assembly)
    {
        lock (Gate)
            File.AppendAllText(file, assembly.GetName().Name + Environment.NewLine);
    }
}
