namespace Drm.Mib.Tr181;

/// <summary>A USP command (<c>Device.IP.Diagnostics.IPPing()</c>) with its input and output arguments.</summary>
public sealed record Tr181Command(
    string Path,
    bool IsAsync,
    IReadOnlyList<Tr181Parameter> Input,
    IReadOnlyList<Tr181Parameter> Output,
    string Status,
    string? Version,
    string? Description);
