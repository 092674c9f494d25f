using System.Diagnostics;

namespace CleanTemplate.LocalPostgres;

internal static class OsProcess
{
    public static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether the process is alive and, where /proc can tell, runs the named program. A PID found in a file left from
    /// before a container restart often belongs to an unrelated process by now, which must not be mistaken for ours.
    /// </summary>
    public static bool IsRunning(int processId, string programName)
    {
        if (!Directory.Exists("/proc/self"))
            return IsAlive(processId);

        try
        {
            return File.ReadAllText($"/proc/{processId}/comm").Trim() == programName;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
