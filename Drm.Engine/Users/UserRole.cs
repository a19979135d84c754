namespace Drm.Engine.Users;

/// <summary>What a user may do inside a tenant; each role includes the ones before it.</summary>
public enum UserRole
{
    /// <summary>Reads everything of the tenant.</summary>
    Viewer = 0,

    /// <summary>Also runs jobs against devices.</summary>
    Operator = 1,

    /// <summary>Also manages users, devices and credentials.</summary>
    Admin = 2,
}
