using System.Globalization;
using Drm.Mib.Smi;
using Drm.TestUtils;

namespace Drm.Mib.Tests.Smi;

/// <summary>
/// Every module of the corpus that libsmi parses (smidump prints its identifiers) parses here too, and the names and
/// OIDs agree exactly with what smidump prints for it, computed in this run.
/// </summary>
public sealed class CorpusAgainstLibsmiTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EveryModuleLibsmiParses_GivesTheSameNamesAndOids()
    {
        var corpus = MibCorpus.Get();
        var smiPath = string.Join(':', MibCorpus.Folders);
        var compared = 0;
        var libsmiFiles = 0;
        var mismatches = new List<string>();
        var unresolvedByLibsmi = 0;
        foreach (var (file, modules) in corpus.ModulesByFile.Where(f => f.Key.StartsWith(MibCorpus.Root, StringComparison.Ordinal)))
        {
            var result = await ProcessRunner.RunAsync("smidump", ["-f", "identifiers", file], TimeSpan.FromSeconds(30),
                new Dictionary<string, string> { ["SMIPATH"] = smiPath });
            if (result.ExitCode != 0 || string.IsNullOrWhiteSpace(result.StandardOutput))
            {
                continue;
            }

            libsmiFiles++;
            var expected = Identifiers(result.StandardOutput);
            foreach (var moduleName in expected.Select(e => e.Module).Distinct())
            {
                var module = modules.FirstOrDefault(m => m.Name == moduleName);
                if (module is null)
                {
                    mismatches.Add($"{file}: libsmi found module {moduleName}, we did not");
                    continue;
                }

                if (module.HasErrors)
                {
                    mismatches.Add($"{file}: {string.Join("; ", module.Diagnostics.Where(d => d.Severity == MibSeverity.Error).Take(3))}");
                }

                // Another file may define the same module name; the tree holds one of them.
                if (corpus.Tree.Module(moduleName) != module)
                {
                    continue;
                }

                compared++;
                var ours = corpus.Tree.Nodes.Where(n => n.Module == moduleName).ToList();
                // libsmi puts what hangs below an import it cannot find (a module whose file is named otherwise) under
                // 0.0; we find the module by its name inside the files, so those nodes must exist here, at their real OID.
                var placeholders = expected.Where(e => e.Module == moduleName && e.Oid is { } o && o.StartsWith("0.0.", StringComparison.Ordinal)).ToList();
                unresolvedByLibsmi += placeholders.Count;
                var placedHere = ours.Select(n => n.Name).ToHashSet();
                mismatches.AddRange(placeholders.Where(p => !placedHere.Contains(p.Name)).Select(p => $"{moduleName}: {p.Name} is missing"));
                var unplaced = placeholders.Select(p => p.Name).ToHashSet();
                var want = expected.Where(e => e.Module == moduleName && e.Oid is not null && !unplaced.Contains(e.Name)).Select(e => $"{e.Name} {e.Oid}").ToHashSet();
                var have = ours.Where(n => !unplaced.Contains(n.Name)).Select(n => $"{n.Name} {n.OidText}").ToHashSet();
                var missing = want.Except(have).ToList();
                var extra = have.Except(want).ToList();
                if (missing.Count > 0 || extra.Count > 0)
                {
                    mismatches.Add($"{moduleName} ({Path.GetFileName(file)}): missing [{string.Join(", ", missing.Take(5))}] extra [{string.Join(", ", extra.Take(5))}]");
                }
            }
        }

        output.WriteLine($"libsmi gives identifiers for {libsmiFiles} files; {compared} modules compared; " +
                         $"{unresolvedByLibsmi} nodes libsmi could not place (under 0.0) are placed here.");
        foreach (var mismatch in mismatches.Take(40))
        {
            output.WriteLine(mismatch);
        }

        libsmiFiles.ShouldBeGreaterThan(400);
        mismatches.Count.ShouldBe(0, "see the test output for the first 40");
    }

    private static List<(string Module, string Name, string Kind, string? Oid)> Identifiers(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length >= 3)
            .Select(p => (p[0], p[1], p[2], p.Length > 3 ? p[3] : null))
            .ToList();
}
