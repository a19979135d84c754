namespace Drm.Mib.Tr181;

/// <summary>An object of the model; a path ending in <c>{i}.</c> is a multi-instance table.</summary>
public sealed record Tr181Object(
    string Path,
    Tr181Access Access,
    int MinEntries,
    int? MaxEntries,
    IReadOnlyList<IReadOnlyList<string>> UniqueKeys,
    string Status,
    string? Version,
    string? Description)
{
    public bool IsMultiInstance => Path.EndsWith("{i}.", StringComparison.Ordinal);
}
