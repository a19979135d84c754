namespace Drm.Engine.Mibs.Tables;

/// <summary>A column of a conceptual table: its name, OID and arc under the row.</summary>
public sealed record MibTableColumn(string Name, string Oid, uint Arc);
