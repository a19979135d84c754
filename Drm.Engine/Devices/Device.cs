namespace Drm.Engine.Devices;

public sealed record Device(
    Guid Id,
    Guid TenantId,
    string Name,
    string Address,
    IReadOnlyList<string> Tags,
    string? Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
