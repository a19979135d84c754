namespace Drm.Mib.Smi;

/// <summary>An imported symbol that could not be found: its module is missing, or does not define it.</summary>
public sealed record MibUnresolvedImport(string Module, string Symbol, bool ModuleMissing, int Line, int Column);
