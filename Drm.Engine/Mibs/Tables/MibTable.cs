namespace Drm.Engine.Mibs.Tables;

/// <summary>One page of a conceptual table as a job walked it, in instance order.</summary>
public sealed record MibTable(
    string Name,
    string Oid,
    string Entry,
    IReadOnlyList<string> IndexNames,
    IReadOnlyList<MibTableColumn> Columns,
    IReadOnlyList<MibTableRow> Rows,
    int TotalRows,
    bool HasNextPage,
    string? EndCursor);
