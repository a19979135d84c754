namespace Drm.Mib.Smi;

/// <summary>The symbols one module imports from another, with where the clause is.</summary>
public sealed record MibImport(string Module, IReadOnlyList<string> Symbols, int Line, int Column);
