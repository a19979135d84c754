namespace Drm.Engine.Paging;

/// <summary>One page of a keyset-ordered list, with each item's cursor and the total across all pages.</summary>
public sealed record Page<T>(
    IReadOnlyList<T> Items,
    IReadOnlyList<string> Cursors,
    bool HasNextPage,
    bool HasPreviousPage,
    long TotalCount);
