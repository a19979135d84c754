using Drm.Mib.Smi;

namespace Drm.Engine.Mibs;

/// <summary>
/// The syntax of an object as its MIB declares it: the type named in SYNTAX, the SMI base type it comes down to, the
/// chain of textual conventions between them, and the constraints and labels from the nearest place that gives them.
/// </summary>
public sealed record MibOidSyntax(
    string Type,
    string? BaseType,
    IReadOnlyList<string> TextualConventions,
    string? DisplayHint,
    IReadOnlyList<string> Ranges,
    IReadOnlyList<string> Sizes,
    IReadOnlyList<MibNamedNumber> Enumeration);
