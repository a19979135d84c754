using Drm.Mib.Smi;

namespace Drm.Mib.Tests.Smi;

/// <summary>How much of the real corpus parses, against libsmi's share (about 413 of the 1,096 files give it output).</summary>
public sealed class CorpusLeniencyTests(ITestOutputHelper output)
{
    [Fact]
    public void NearlyEveryCorpusFile_ParsesWithoutErrors_AndEveryModuleFindsItsImports()
    {
        var corpus = MibCorpus.Get();
        var files = corpus.ModulesByFile.Where(f => f.Key.StartsWith(MibCorpus.Root, StringComparison.Ordinal)).ToList();
        var clean = files.Where(f => f.Value.Count > 0 && !corpus.FileDiagnostics[f.Key].Any(d => d.Severity == MibSeverity.Error) && f.Value.All(m => !m.HasErrors)).ToList();
        var withWarnings = clean.Where(f => f.Value.Any(m => m.Diagnostics.Count > 0)).ToList();
        var failing = files.Except(clean).ToList();
        var modules = files.Sum(f => f.Value.Count);
        var unresolvedModules = corpus.Tree.UnresolvedImports.Where(u => u.ModuleMissing).Select(u => u.Module).Distinct().Order().ToList();

        output.WriteLine($"{clean.Count} of {files.Count} files ({modules} modules, {corpus.Tree.Nodes.Count} named nodes) parse without errors; " +
                         $"{withWarnings.Count} of them with warnings. libsmi gives output for about 413.");
        output.WriteLine("A sample of warnings:");
        foreach (var warning in withWarnings.SelectMany(f => f.Value.SelectMany(m => m.Diagnostics)).DistinctBy(d => d.Message.Split('\'')[0]).Take(12))
        {
            output.WriteLine("  " + warning);
        }

        output.WriteLine($"Files with errors ({failing.Count}):");
        foreach (var (file, parsed) in failing.Take(20))
        {
            var first = corpus.FileDiagnostics[file].Concat(parsed.SelectMany(m => m.Diagnostics)).First(d => d.Severity == MibSeverity.Error);
            output.WriteLine($"  {Path.GetFileName(file)}: {first}");
        }

        output.WriteLine($"Imported modules found nowhere in the corpus: {string.Join(", ", unresolvedModules)}");
        clean.Count.ShouldBeGreaterThan(1_000);
    }
}
