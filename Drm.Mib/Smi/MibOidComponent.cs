namespace Drm.Mib.Smi;

/// <summary>One component of an OID value: <c>name</c>, <c>7</c> or <c>name(7)</c>.</summary>
public sealed record MibOidComponent(string? Name, uint? Number)
{
    public override string ToString() => (Name, Number) switch
    {
        ({ } n, { } v) => $"{n}({v})",
        ({ } n, null) => n,
        _ => Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
