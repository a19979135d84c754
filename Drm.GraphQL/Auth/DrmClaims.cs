namespace Drm.GraphQL.Auth;

public static class DrmClaims
{
    public const string Subject = "sub";
    public const string TenantId = "tenant_id";
    public const string Role = "role";
    public const string PlatformAdmin = "platform_admin";
}
