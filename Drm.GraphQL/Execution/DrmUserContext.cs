using Drm.Engine.Tenancy;

namespace Drm.GraphQL.Execution;

/// <summary>The per-request GraphQL user context: the authenticated caller, or null for an anonymous request.</summary>
public sealed class DrmUserContext : Dictionary<string, object?>
{
    public TenantContext? Caller { get; init; }
}
