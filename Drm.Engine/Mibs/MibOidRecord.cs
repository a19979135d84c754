namespace Drm.Engine.Mibs;

/// <summary>
/// A named OID of a stored module. <see cref="Instance"/> is set when a lookup named an instance below the node
/// (<c>ifDescr.3</c> finds <c>ifDescr</c> with instance <c>3</c>).
/// </summary>
public sealed record MibOidRecord(
    Guid ModuleId,
    string Module,
    string Name,
    string Oid,
    string Kind,
    MibOidSyntax? Syntax,
    string? Access,
    string? Status,
    string? Units,
    string? Description,
    IReadOnlyList<MibIndexPart> Index,
    string? Augments,
    bool IsGlobal)
{
    public string? Instance { get; init; }

    public string FullName => $"{Module}::{Name}";
}
