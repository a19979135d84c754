namespace Drm.Mib.Smi;

/// <summary>One range of a value or SIZE constraint; a single value has <c>Low == High</c>.</summary>
public sealed record MibRange(decimal Low, decimal High)
{
    public override string ToString() => Low == High ? Low.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Low}..{High}");
}
