namespace Drm.Engine.Users;

/// <summary>A user of one tenant. The password hash never leaves the engine.</summary>
public sealed record User(
    Guid Id,
    Guid TenantId,
    string Email,
    string? DisplayName,
    UserRole Role,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
