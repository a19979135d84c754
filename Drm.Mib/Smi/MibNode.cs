namespace Drm.Mib.Smi;

/// <summary>A named node of the OID tree with what its module says about it.</summary>
public sealed class MibNode
{
    public required string Module { get; init; }

    public required string Name { get; init; }

    public required uint[] Oid { get; init; }

    public required MibNodeKind Kind { get; init; }

    public required MibDefinition Definition { get; init; }

    /// <summary>The syntax with the textual conventions it goes through, outermost first (empty when there are none).</summary>
    public IReadOnlyList<MibTypeDefinition> TextualConventions { get; init; } = [];

    /// <summary>The base type the syntax comes down to (INTEGER, OCTET STRING, Counter32 …).</summary>
    public string? BaseType { get; init; }

    public string OidText => string.Join('.', Oid);

    public string FullName => $"{Module}::{Name}";

    public override string ToString() => $"{FullName} {OidText}";
}
