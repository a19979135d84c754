namespace Drm.Engine.Users;

/// <summary>Changes to a user; a null member leaves that attribute as it is.</summary>
public sealed record UpdateUserInput(Guid Id, string? Email = null, string? DisplayName = null, UserRole? Role = null, string? Password = null);
