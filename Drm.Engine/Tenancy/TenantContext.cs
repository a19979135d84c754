using Drm.Engine.Users;

namespace Drm.Engine.Tenancy;

/// <summary>
/// Who is calling: the verified <c>tenant_id</c>, <c>sub</c>, <c>role</c> and <c>platform_admin</c> claims of a token.
/// Every database transaction of the service runs inside one (see <see cref="Storage.TenantDatabase"/>).
/// </summary>
public sealed record TenantContext(Guid TenantId, Guid UserId, UserRole Role, bool IsPlatformAdmin = false)
{
    /// <summary>Throws <c>FORBIDDEN</c> unless the caller holds at least <paramref name="required"/>.</summary>
    public void Require(UserRole required)
    {
        if (Role < required)
        {
            throw DrmException.Forbidden($"This needs the {UserRoles.ToText(required)} role; you are {UserRoles.ToText(Role)}.");
        }
    }

    public void RequirePlatformAdmin()
    {
        if (!IsPlatformAdmin)
        {
            throw DrmException.Forbidden("Only a platform administrator may do this.");
        }
    }
}
