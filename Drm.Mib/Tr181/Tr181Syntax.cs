namespace Drm.Mib.Tr181;

/// <summary>
/// A parameter's syntax with its named data types resolved: the built-in <see cref="BaseType"/> (string, int,
/// unsignedInt, long, unsignedLong, boolean, dateTime, base64, hexBinary, decimal), the <see cref="DataType"/> it was
/// declared with (IPv4Address, Alias…), and every facet collected along the data type chain (nearest wins).
/// A list parameter's value is a comma-separated list whose items each follow the facets.
/// </summary>
public sealed record Tr181Syntax
{
    public required string BaseType { get; init; }

    public string? DataType { get; init; }

    public bool IsList { get; init; }

    public int? ListMinItems { get; init; }

    public int? ListMaxItems { get; init; }

    /// <summary>The whole list's length bound, when the list has one.</summary>
    public int? ListMaxLength { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public IReadOnlyList<Tr181Range> Ranges { get; init; } = [];

    public IReadOnlyList<string> Enumerations { get; init; } = [];

    public IReadOnlyList<string> Patterns { get; init; } = [];

    public string? Units { get; init; }

    public string? Default { get; init; }

    /// <summary>The value names other objects (pathRef/instanceRef) rather than holding data of its own.</summary>
    public string? Reference { get; init; }
}
