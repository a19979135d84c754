namespace Drm.Mib.Tr181;

/// <summary>A parameter of the model, by its full path (<c>Device.WiFi.SSID.{i}.SSID</c>).</summary>
public sealed record Tr181Parameter(
    string Path,
    string Name,
    string ObjectPath,
    Tr181Access Access,
    Tr181Syntax Syntax,
    string Status,
    string? Version,
    string? Description);
