namespace Drm.Engine.Tenants;

/// <summary>A new tenant and, optionally, its first administrator.</summary>
public sealed record CreateTenantInput(string Slug, string Name, string? AdminEmail = null, string? AdminPassword = null);
