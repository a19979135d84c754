namespace Drm.Mib.Smi;

/// <summary>A symbol <paramref name="Importer"/> imports that could not be found: its module is missing, or does not define it.</summary>
public sealed record MibUnresolvedImport(string Importer, string Module, string Symbol, bool ModuleMissing, int Line, int Column);
