namespace Drm.Mib.Tr181;

/// <summary>A USP event (<c>Device.Boot!</c>) with its arguments.</summary>
public sealed record Tr181Event(string Path, IReadOnlyList<Tr181Parameter> Arguments, string Status, string? Version, string? Description);
