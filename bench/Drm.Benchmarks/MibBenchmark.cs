using System.Diagnostics;
using System.Globalization;
using Drm.Mib.Smi;
using Drm.TestUtils;

namespace Drm.Benchmarks;

/// <summary>
/// Parsing and resolving MIBs (issue #5): our parser against net-snmp's (<c>snmptranslate -Tz</c>), libsmi's
/// (<c>smidump</c>) and pysmi's (<c>mibdump</c>, what the original system used), measured in the same run.
/// </summary>
public static class MibBenchmark
{
    /// <summary><c>mib [--repeat 5] [--no-pysmi]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var repeat = Option(args, "--repeat", 5);
        var root = Path.Combine(RepositoryPaths.Shared, "data", "mibs");
        var folders = Directory.GetDirectories(root).Order(StringComparer.Ordinal).Append("/usr/share/snmp/mibs").Where(Directory.Exists).ToArray();
        var rfc = Path.Combine(root, "rfc");
        var rfcFiles = Directory.GetFiles(rfc).Where(f => !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Console.WriteLine($"# MIB benchmark: {folders.Length} folders, {Environment.ProcessorCount} cores, medians of {repeat}");

        // Warm up, then measure reading, parsing and resolving everything in this process.
        for (var i = 0; i < 2; i++)
        {
            Ours(folders);
        }

        var ours = Measure(repeat, () => Ours(folders));
        var oursRfc = Measure(repeat, () => Ours([rfc]));
        var cold = await MeasureProcessAsync(repeat, "dotnet", [DrmDll(), "mib", "parse", "--tree", .. folders], isIdentifier: l => l.Contains("::", StringComparison.Ordinal));
        var netSnmp = await MeasureProcessAsync(repeat, "snmptranslate", ["-M", string.Join(':', folders), "-m", "ALL", "-Tz"]);
        var netSnmpRfc = await MeasureProcessAsync(repeat, "snmptranslate", ["-M", rfc + ":/usr/share/snmp/mibs", "-m", "ALL", "-Tz"]);
        var smiPath = string.Join(':', folders);
        var libsmi = await MeasureProcessAsync(repeat, "smidump", ["-k", "-f", "identifiers", .. rfcFiles], new() { ["SMIPATH"] = smiPath });

        Console.WriteLine();
        Console.WriteLine("| parser | input | identifiers | wall s (median) | vs net-snmp |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        Row("ours, in process (read, parse, resolve)", "whole corpus", ours.Count, ours.Seconds, netSnmp.Seconds);
        Row("ours, `drm mib parse` (a fresh process, JIT included)", "whole corpus", cold.Count, cold.Seconds, netSnmp.Seconds);
        Row("net-snmp `snmptranslate -m ALL -Tz`", "whole corpus", netSnmp.Count, netSnmp.Seconds, netSnmp.Seconds);
        Row("ours, in process", "rfc/", oursRfc.Count, oursRfc.Seconds, netSnmpRfc.Seconds);
        Row("net-snmp `snmptranslate -m ALL -Tz`", "rfc/", netSnmpRfc.Count, netSnmpRfc.Seconds, netSnmpRfc.Seconds);
        Row("libsmi `smidump -k -f identifiers`", "rfc/", libsmi.Count, libsmi.Seconds, netSnmpRfc.Seconds);

        if (!args.Contains("--no-pysmi"))
        {
            // pysmi takes module names and finds their files itself; one run, it is slow.
            var names = MibFile.Load([rfc]).SelectMany(f => f.Modules).Select(m => m.Name).Distinct().ToArray();
            var output = Directory.CreateTempSubdirectory("drm-pysmi-");
            try
            {
                var pysmi = await MeasureProcessAsync(1, "mibdump",
                [
                    .. folders.Select(f => "--mib-source=" + f), "--destination-format=json", "--destination-directory=" + output.FullName,
                    "--no-python-compile", "--ignore-errors", .. names,
                ]);
                var compiled = Directory.GetFiles(output.FullName, "*.json").Length;
                Row($"pysmi `mibdump` to JSON ({compiled} modules written)", "rfc/", pysmi.Count, pysmi.Seconds, netSnmpRfc.Seconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"\nOurs in process is {pysmi.Seconds / oursRfc.Seconds:0}× faster than pysmi on rfc/ ({names.Length} modules)."));
            }
            finally
            {
                output.Delete(recursive: true);
            }
        }

        return 0;
    }

    private static int Ours(string[] paths)
    {
        var (allocated, gen0, gen1, gen2) = (GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var clock = Stopwatch.StartNew();
        var files = MibFile.Load(paths);
        var parsed = clock.Elapsed.TotalSeconds;
        var count = MibTree.Build(files.SelectMany(f => f.Modules)).Nodes.Count;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# parse {parsed:0.000} s, resolve {clock.Elapsed.TotalSeconds - parsed:0.000} s; allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:0} MB; " +
            $"GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}"));
        return count;
    }

    private static (double Seconds, int Count) Measure(int repeat, Func<int> run)
    {
        var times = new List<double>();
        var count = 0;
        for (var i = 0; i < repeat; i++)
        {
            var clock = Stopwatch.StartNew();
            count = run();
            times.Add(clock.Elapsed.TotalSeconds);
        }

        return (WalkBenchmark.Median(times), count);
    }

    // Runs a program and counts the identifier lines it prints (lines that are not comments).
    private static async Task<(double Seconds, int Count)> MeasureProcessAsync(
        int repeat, string program, string[] arguments, Dictionary<string, string>? environment = null, Func<string, bool>? isIdentifier = null)
    {
        isIdentifier ??= l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith(' ');
        var times = new List<double>();
        var count = 0;
        for (var i = 0; i < repeat; i++)
        {
            var clock = Stopwatch.StartNew();
            var result = await ProcessRunner.RunAsync(program, arguments, TimeSpan.FromMinutes(10), environment);
            times.Add(clock.Elapsed.TotalSeconds);
            count = result.StandardOutput.Split('\n').Count(isIdentifier);
        }

        return (WalkBenchmark.Median(times), count);
    }

    private static void Row(string parser, string input, int identifiers, double seconds, double anchor) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {parser} | {input} | {identifiers:N0} | {seconds:0.000} | {seconds / anchor:0.00}× |"));

    private static string DrmDll() => Path.Combine(RepositoryPaths.Root, "Drm.GraphQL", "bin", "Release", "net10.0", "drm.dll");

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
