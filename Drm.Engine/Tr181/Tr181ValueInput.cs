namespace Drm.Engine.Tr181;

/// <summary>A proposed set: an instance path (<c>Device.WiFi.SSID.1.SSID</c>) and the value as text.</summary>
public sealed record Tr181ValueInput(string Path, string Value);
