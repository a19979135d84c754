namespace Drm.Mib.Smi;

/// <summary>A type assignment: <c>Name ::= TEXTUAL-CONVENTION …</c> or <c>Name ::= SYNTAX</c>.</summary>
public sealed class MibTypeDefinition
{
    public required string Name { get; init; }

    public required MibSyntax Syntax { get; init; }

    public required int Line { get; init; }

    public bool IsTextualConvention { get; init; }

    public string? DisplayHint { get; init; }

    public string? Status { get; init; }

    public string? Description { get; init; }
}
