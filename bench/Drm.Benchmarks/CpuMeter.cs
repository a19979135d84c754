using System.Globalization;

namespace Drm.Benchmarks;

/// <summary>
/// CPU seconds spent by a process and, optionally, its children, from <c>/proc</c>: the benchmarks print who used the
/// two cores (the engine, the simulated agents, PostgreSQL's backends) next to the wall times.
/// </summary>
public static class CpuMeter
{
    // Linux reports times in clock ticks; USER_HZ is 100 on every architecture .NET runs on.
    private const double TicksPerSecond = 100.0;

    /// <summary>User plus system CPU seconds of <paramref name="processId"/>; with <paramref name="withChildren"/>, also
    /// of its live children and of the children it has already reaped (how a postmaster's backends are counted).</summary>
    public static double Seconds(int processId, bool withChildren = false)
    {
        var fields = Fields(processId);
        if (fields is null)
        {
            return 0;
        }

        var total = Ticks(fields, 14) + Ticks(fields, 15);
        if (!withChildren)
        {
            return total / TicksPerSecond;
        }

        total += Ticks(fields, 16) + Ticks(fields, 17);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == processId)
            {
                continue;
            }

            if (Fields(pid) is { } child && Ticks(child, 4) == processId)
            {
                total += Ticks(child, 14) + Ticks(child, 15);
            }
        }

        return total / TicksPerSecond;
    }

    // The fields of /proc/PID/stat after the command name (which may itself hold spaces), numbered as in proc(5).
    private static string[]? Fields(int processId)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        var afterName = text.LastIndexOf(')');
        return afterName < 0 ? null : ("pid comm " + text[(afterName + 2)..]).Split(' ');
    }

    private static long Ticks(string[] fields, int number) =>
        fields.Length >= number ? long.Parse(fields[number - 1], CultureInfo.InvariantCulture) : 0;
}
