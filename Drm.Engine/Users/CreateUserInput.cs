namespace Drm.Engine.Users;

public sealed record CreateUserInput(string Email, string Password, UserRole Role, string? DisplayName = null);
