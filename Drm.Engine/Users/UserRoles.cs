namespace Drm.Engine.Users;

/// <summary>The spelling of roles in the database and in tokens: <c>admin</c>, <c>operator</c>, <c>viewer</c>.</summary>
public static class UserRoles
{
    public static string ToText(UserRole role) => role switch
    {
        UserRole.Admin => "admin",
        UserRole.Operator => "operator",
        UserRole.Viewer => "viewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? text, out UserRole role)
    {
        switch (text?.ToLowerInvariant())
        {
            case "admin":
                role = UserRole.Admin;
                return true;
            case "operator":
                role = UserRole.Operator;
                return true;
            case "viewer":
                role = UserRole.Viewer;
                return true;
            default:
                role = UserRole.Viewer;
                return false;
        }
    }
}
