namespace Drm.Mib.Smi;

/// <summary>
/// One value assignment of a module: an <c>OBJECT IDENTIFIER</c> value or a macro invocation (OBJECT-TYPE,
/// NOTIFICATION-TYPE, TRAP-TYPE, MODULE-IDENTITY, …) with the clauses that matter to a browser.
/// </summary>
public sealed class MibDefinition
{
    public required string Name { get; init; }

    /// <summary><c>OBJECT IDENTIFIER</c> or the macro's name (<c>OBJECT-TYPE</c>, <c>TRAP-TYPE</c>…).</summary>
    public required string Macro { get; init; }

    public required int Line { get; init; }

    public required int Column { get; init; }

    /// <summary>The OID value; for TRAP-TYPE the enterprise followed by 0 and the trap number (SMIv2's mapping).</summary>
    public IReadOnlyList<MibOidComponent> Value { get; set; } = [];

    public MibSyntax? Syntax { get; set; }

    public string? Access { get; set; }

    public string? Status { get; set; }

    public string? Units { get; set; }

    public string? Description { get; set; }

    public string? Reference { get; set; }

    public IReadOnlyList<MibIndexItem> Index { get; set; } = [];

    public string? Augments { get; set; }

    /// <summary>OBJECTS, NOTIFICATIONS or VARIABLES.</summary>
    public IReadOnlyList<string> Objects { get; set; } = [];

    public string? DefaultValue { get; set; }
}
