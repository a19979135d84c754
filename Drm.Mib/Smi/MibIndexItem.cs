namespace Drm.Mib.Smi;

/// <summary>One object of a row's INDEX clause; the last may be IMPLIED (no length prefix in the instance).</summary>
public sealed record MibIndexItem(string Name, bool Implied);
