using Drm.Mib.Smi;
using Npgsql;

namespace Drm.Engine.Mibs;

/// <summary>
/// Re-resolves a tenant's modules after its set changed (an upload, a deletion) and stores what changed: a module whose
/// import has just arrived resolves now, one whose import was deleted becomes <c>UNRESOLVED</c>.
/// </summary>
internal static class TenantMibs
{
    /// <param name="uploaded">New module files (module name, file name, text); they replace stored modules of the same name.</param>
    /// <returns>The drafts of the uploaded modules, as stored.</returns>
    public static async Task<IReadOnlyList<MibModuleDraft>> ResolveAndStoreAsync(
        NpgsqlConnection connection, MibCatalog catalog, IReadOnlyList<(string Name, string FileName, string Source)> uploaded, Guid? jobId,
        CancellationToken ct)
    {
        var names = uploaded.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var stored = await MibStore.ReadTenantSourcesAsync(connection, ct).ConfigureAwait(false);
        var (tree, files) = catalog.BuildTree(stored.Where(s => !names.Contains(s.Name)).Concat(uploaded));
        var byModule = new MibTreeByModule(tree);
        var drafts = files
            .SelectMany(f => f.Modules.Select(m => MibModuleDraft.Resolve(m, f.FileName, f.Source, f.Diagnostics, byModule)))
            .ToList();
        var fresh = drafts.Where(d => names.Contains(d.Module.Name)).ToList();
        await MibStore.SaveAsync(connection, global: false, fresh, jobId, ct).ConfigureAwait(false);
        await MibStore.SaveAsync(connection, global: false, drafts.Where(d => !names.Contains(d.Module.Name)).ToList(), null, ct).ConfigureAwait(false);
        return fresh;
    }

    /// <summary>Parses uploaded texts into (module name, file name, text) entries; the first file defining a name wins.</summary>
    public static List<(string Name, string FileName, string Source, IReadOnlyList<MibDiagnostic> Diagnostics)> Parse(IEnumerable<(string Name, string Text)> files)
    {
        var result = new List<(string, string, string, IReadOnlyList<MibDiagnostic>)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, text) in files)
        {
            var diagnostics = new List<MibDiagnostic>();
            var modules = MibParser.Parse(text, name, diagnostics);
            if (modules.Count == 0)
            {
                result.Add(("", name, text, diagnostics));
            }

            foreach (var module in modules.Where(m => seen.Add(m.Name)))
            {
                result.Add((module.Name, name, text, diagnostics));
            }
        }

        return result;
    }
}
