namespace Drm.Mib.Smi;

/// <summary>
/// A type as written in a MIB: its name (a base type such as <c>INTEGER</c> or <c>OCTET STRING</c>, an application type
/// such as <c>Counter32</c>, or a textual convention), with its enumeration or BITS labels, value ranges and sizes.
/// <c>SEQUENCE OF X</c> names the row type in <see cref="EntryType"/>; a <c>SEQUENCE { … }</c> lists its members.
/// </summary>
public sealed record MibSyntax(string Name)
{
    public IReadOnlyList<MibNamedNumber> NamedNumbers { get; init; } = [];

    public IReadOnlyList<MibRange> Ranges { get; init; } = [];

    public IReadOnlyList<MibRange> Sizes { get; init; } = [];

    public string? EntryType { get; init; }

    public IReadOnlyList<(string Name, MibSyntax Syntax)> Members { get; init; } = [];

    public bool IsSequenceOf => Name == "SEQUENCE OF";

    public bool IsSequence => Name == "SEQUENCE";
}
