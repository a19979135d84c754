using System.Runtime.InteropServices;

namespace Drm.Mib.Oids;

/// <summary>Compares OIDs held as arc arrays by value, and looks them up by span without allocating.</summary>
public sealed class OidArcsComparer : IEqualityComparer<uint[]>, IAlternateEqualityComparer<ReadOnlySpan<uint>, uint[]>, IComparer<uint[]>
{
    public static readonly OidArcsComparer Instance = new();

    public bool Equals(uint[]? x, uint[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(uint[] obj) => GetHashCode((ReadOnlySpan<uint>)obj);

    public bool Equals(ReadOnlySpan<uint> alternate, uint[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<uint> alternate)
    {
        var hash = new HashCode();
        hash.AddBytes(MemoryMarshal.AsBytes(alternate));
        return hash.ToHashCode();
    }

    public uint[] Create(ReadOnlySpan<uint> alternate) => alternate.ToArray();

    /// <summary>Lexicographic by arc, the order of a walk.</summary>
    public int Compare(uint[]? x, uint[]? y) => x.AsSpan().SequenceCompareTo(y.AsSpan());
}
