namespace Drm.Engine.Mibs.Tables;

/// <summary>One walked value of a table row, with the MIB's rendering of it when that differs.</summary>
public sealed record MibTableCell(string Column, string Oid, string Type, string Value, string? DisplayValue);
