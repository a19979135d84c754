using Drm.Mib.Smi;
using Drm.TestUtils;

namespace Drm.Mib.Tests.Smi;

/// <summary>The real MIB files of ../shared/data/mibs and Debian's /usr/share/snmp/mibs, parsed once per test run.</summary>
public static class MibCorpus
{
    private static readonly Lazy<Parsed> Instance = new(Load);

    public static string Root => Path.Combine(RepositoryPaths.Shared, "data", "mibs");

    public static IReadOnlyList<string> Folders => Directory.GetDirectories(Root).Order(StringComparer.Ordinal).ToArray();

    public static Parsed Get() => Instance.Value;

    public sealed record Parsed(
        IReadOnlyDictionary<string, IReadOnlyList<MibModule>> ModulesByFile,
        IReadOnlyDictionary<string, IReadOnlyList<MibDiagnostic>> FileDiagnostics,
        MibTree Tree);

    private static Parsed Load()
    {
        var files = Folders.SelectMany(Directory.GetFiles)
            .Where(f => !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal))
            .Concat(Directory.Exists("/usr/share/snmp/mibs") ? Directory.GetFiles("/usr/share/snmp/mibs") : [])
            .Order(StringComparer.Ordinal)
            .ToArray();
        var byFile = new Dictionary<string, IReadOnlyList<MibModule>>();
        var fileDiagnostics = new Dictionary<string, IReadOnlyList<MibDiagnostic>>();
        foreach (var file in files)
        {
            var diagnostics = new List<MibDiagnostic>();
            byFile[file] = MibParser.Parse(File.ReadAllText(file), file, diagnostics);
            fileDiagnostics[file] = diagnostics;
        }

        return new Parsed(byFile, fileDiagnostics, MibTree.Build(byFile.Values.SelectMany(m => m)));
    }
}
