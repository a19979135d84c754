namespace Drm.Engine.Devices;

/// <summary>A new device; <see cref="Address"/> is a host name, IPv4 or IPv6 address.</summary>
public sealed record CreateDeviceInput(string Name, string Address, IReadOnlyList<string>? Tags = null, string? Description = null);
