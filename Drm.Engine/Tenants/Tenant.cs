namespace Drm.Engine.Tenants;

public sealed record Tenant(Guid Id, string Slug, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
