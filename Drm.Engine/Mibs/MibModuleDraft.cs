using System.Security.Cryptography;
using System.Text;
using Drm.Mib.Smi;

namespace Drm.Engine.Mibs;

/// <summary>A parsed module with what the OID tree it was resolved in says about it, ready to be stored.</summary>
internal sealed class MibModuleDraft
{
    private MibModuleDraft(MibModule module, string fileName, string source)
    {
        Module = module;
        FileName = fileName;
        // PostgreSQL text cannot hold NUL, which a damaged vendor file may carry.
        Source = source.Replace('\0', ' ');
        SourceSha256 = SHA256.HashData(Encoding.UTF8.GetBytes(Source));
    }

    public MibModule Module { get; }

    public string FileName { get; }

    public string Source { get; }

    public byte[] SourceSha256 { get; }

    public MibModuleStatus Status { get; private set; }

    public IReadOnlyList<MibModuleImport> Imports { get; private set; } = [];

    public IReadOnlyList<MibModuleDiagnostic> Diagnostics { get; private set; } = [];

    public IReadOnlyList<MibNode> Nodes { get; private set; } = [];

    /// <param name="fileDiagnostics">What the parser said about the whole file; the module's own are picked out by name.</param>
    public static MibModuleDraft Resolve(MibModule module, string fileName, string source, IEnumerable<MibDiagnostic> fileDiagnostics, MibTreeByModule tree)
    {
        var draft = new MibModuleDraft(module, fileName, source);
        var unresolved = tree.Unresolved[module.Name].ToList();
        draft.Imports = module.Imports
            .Select(i => new MibModuleImport(i.Module, i.Symbols, !unresolved.Any(u => u.Module == i.Module)))
            .ToList();
        var diagnostics = module.Diagnostics
            .Concat(fileDiagnostics.Where(d => d.Module == module.Name))
            .Concat(tree.Diagnostics[module.Name])
            .Distinct()
            .Select(d => new MibModuleDiagnostic(d.Severity == MibSeverity.Error ? "ERROR" : "WARNING", d.Line, d.Column, d.Message))
            .Concat(unresolved.Select(u => new MibModuleDiagnostic("WARNING", u.Line, u.Column, u.ModuleMissing
                ? $"Imports {u.Symbol} from {u.Module}, which is not loaded."
                : $"Imports {u.Symbol} from {u.Module}, which does not define it.")))
            .ToList();
        draft.Diagnostics = diagnostics;
        draft.Status = diagnostics.Any(d => d.Severity == "ERROR") ? MibModuleStatus.Errors
            : unresolved.Count > 0 ? MibModuleStatus.Unresolved
            : diagnostics.Count > 0 ? MibModuleStatus.Warnings
            : MibModuleStatus.Ok;
        draft.Nodes = tree.Nodes[module.Name].DistinctBy(n => n.Name).ToList();
        return draft;
    }

    public static MibOidSyntax? SyntaxOf(MibNode node)
    {
        if (node.Definition.Syntax is not { } syntax || syntax.IsSequence || syntax.IsSequenceOf)
        {
            return null;
        }

        var chain = node.TextualConventions;
        var ranges = syntax.Ranges.Count > 0 ? syntax.Ranges : chain.Select(t => t.Syntax.Ranges).FirstOrDefault(r => r.Count > 0) ?? [];
        var sizes = syntax.Sizes.Count > 0 ? syntax.Sizes : chain.Select(t => t.Syntax.Sizes).FirstOrDefault(s => s.Count > 0) ?? [];
        var labels = syntax.NamedNumbers.Count > 0 ? syntax.NamedNumbers : chain.Select(t => t.Syntax.NamedNumbers).FirstOrDefault(n => n.Count > 0) ?? [];
        return new MibOidSyntax(
            syntax.Name,
            node.BaseType,
            chain.Select(t => t.Name).ToList(),
            MibFormatter.DisplayHintOf(node),
            ranges.Select(r => r.ToString()).ToList(),
            sizes.Select(r => r.ToString()).ToList(),
            labels);
    }

    public static string KindName(MibNodeKind kind) => kind.ToString().ToUpperInvariant();
}
