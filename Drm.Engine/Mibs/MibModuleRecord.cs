namespace Drm.Engine.Mibs;

/// <summary>A stored MIB module: a tenant's upload, or a global one (<see cref="TenantId"/> null) from <c>MIB_DIRS</c>.</summary>
public sealed record MibModuleRecord(
    Guid Id,
    Guid? TenantId,
    string Name,
    string FileName,
    string Language,
    MibModuleStatus Status,
    string? LastUpdated,
    string? Organization,
    string? ContactInfo,
    string? Description,
    IReadOnlyList<string> Revisions,
    IReadOnlyList<MibModuleImport> Imports,
    IReadOnlyList<MibModuleDiagnostic> Diagnostics,
    int OidCount,
    Guid? JobId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public bool IsGlobal => TenantId is null;
}
