namespace Drm.Mib.Smi;

/// <summary>An enumeration label or a BITS position: <c>up(1)</c>.</summary>
public sealed record MibNamedNumber(string Name, long Value);
