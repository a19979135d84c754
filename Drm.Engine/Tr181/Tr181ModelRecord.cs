namespace Drm.Engine.Tr181;

/// <summary>A model in the catalog (<c>Device</c> at version 2.19), global or the caller's own.</summary>
public sealed record Tr181ModelRecord(
    Guid Id, bool IsGlobal, string Name, string? Version, string Source, int ItemCount, Guid? JobId, DateTimeOffset ImportedAt);
