namespace Drm.Engine.Mibs.Tables;

/// <summary>One component of a row's instance, decoded by the INDEX object it belongs to (ifIndex = 3, ipAdEntAddr = 10.0.0.1).</summary>
public sealed record MibTableIndexValue(string Name, string Value);
