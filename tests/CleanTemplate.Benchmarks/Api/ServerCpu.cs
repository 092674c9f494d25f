using System.Globalization;

namespace CleanTemplate.Benchmarks.Api;

/// <summary>
/// The CPU time a PostgreSQL server has used: the postmaster's own and its exited children's (utime, stime, cutime,
/// cstime in <c>/proc/&lt;pid&gt;/stat</c>) plus every live backend's. A backend that exits between two readings
/// moves its whole time into cutime, so a difference of two readings counts it exactly once. Linux only.
/// </summary>
internal static class ServerCpu
{
    // USER_HZ: the unit of /proc's times; 100 on every Linux build that .NET supports.
    private const double TicksPerSecond = 100;

    public static TimeSpan Read(int postmasterId)
    {
        var total = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var processId))
                continue;
            if (Stat(processId) is not { } fields)
                continue;
            if (processId == postmasterId)
                total += fields[11] + fields[12] + fields[13] + fields[14];
            else if (fields[1] == postmasterId)
                total += fields[11] + fields[12];
        }

        return TimeSpan.FromSeconds(total / TicksPerSecond);
    }

    /// <summary>
    /// The numeric fields after the command name: [0] state (0), [1] ppid, ... [11] utime, [12] stime, [13] cutime,
    /// [14] cstime.
    /// </summary>
    private static long[]? Stat(int processId)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (IOException)
        {
            return null; // exited meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var afterName = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return afterName.Take(15)
            .Select(field =>
                long.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0)
            .ToArray();
    }
}
