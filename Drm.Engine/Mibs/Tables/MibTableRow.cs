namespace Drm.Engine.Mibs.Tables;

/// <summary>
/// A row of a walked table: its instance (the arcs after the column), the instance decoded into the INDEX, and a cell
/// per column of the table in column order (null where the walk returned nothing for that column).
/// </summary>
public sealed record MibTableRow(string Instance, IReadOnlyList<MibTableIndexValue> Index, IReadOnlyList<MibTableCell?> Cells);
