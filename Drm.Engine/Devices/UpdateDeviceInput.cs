namespace Drm.Engine.Devices;

/// <summary>Changes to a device; a null member leaves that attribute as it is (an empty description clears it).</summary>
public sealed record UpdateDeviceInput(
    Guid Id,
    string? Name = null,
    string? Address = null,
    IReadOnlyList<string>? Tags = null,
    string? Description = null);
