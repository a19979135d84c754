using Drm.Mib.Smi;

namespace Drm.Engine.Mibs;

/// <summary>A resolved tree's nodes, unresolved imports and diagnostics grouped by module, built once per store.</summary>
internal sealed class MibTreeByModule(MibTree tree)
{
    public ILookup<string, MibNode> Nodes { get; } = tree.Nodes.ToLookup(n => n.Module, StringComparer.Ordinal);

    public ILookup<string, MibUnresolvedImport> Unresolved { get; } = tree.UnresolvedImports.ToLookup(u => u.Importer, StringComparer.Ordinal);

    public ILookup<string, MibDiagnostic> Diagnostics { get; } =
        tree.Diagnostics.Where(d => d.Module is not null).ToLookup(d => d.Module!, StringComparer.Ordinal);
}
