namespace Drm.Engine.Tr181;

/// <summary>What an import changed: rows added, rewritten because their definition changed, and removed.</summary>
public sealed record Tr181ImportSummary(
    string Model,
    string? Version,
    int Items,
    IReadOnlyList<(string Path, string Kind)> Added,
    IReadOnlyList<(string Path, string Kind)> Changed,
    IReadOnlyList<(string Path, string Kind)> Removed)
{
    public int Unchanged => Items - Added.Count - Changed.Count;

    public override string ToString() =>
        $"{Model}{(Version is null ? "" : ":" + Version)}: {Items} items; {Added.Count} added, {Changed.Count} changed, {Removed.Count} removed, {Unchanged} unchanged.";
}
