using System.Buffers.Binary;

namespace Drm.Engine.Mibs;

/// <summary>
/// The stored form of an OID in <c>mib_oids.oid</c>: five bytes per arc, a 0x01 marker and the arc as a big-endian
/// unsigned 32-bit number. Byte order is then tree order, a subtree is the range [key, key || 0x02), and the next
/// sibling subtree starts at or after key || 0x02.
/// </summary>
/// <remarks>
/// Not a bigint[]: the array comparison operators are not leakproof, so under row-level security PostgreSQL may not use
/// an index on them and scans the whole table; bytea comparisons are leakproof.
/// </remarks>
public static class OidKey
{
    private const byte Marker = 0x01;
    private const byte AfterSubtree = 0x02;
    private const int ArcBytes = 5;

    public static byte[] Encode(ReadOnlySpan<uint> arcs)
    {
        var key = new byte[arcs.Length * ArcBytes];
        for (var i = 0; i < arcs.Length; i++)
        {
            key[i * ArcBytes] = Marker;
            BinaryPrimitives.WriteUInt32BigEndian(key.AsSpan((i * ArcBytes) + 1), arcs[i]);
        }

        return key;
    }

    public static uint[] Decode(ReadOnlySpan<byte> key)
    {
        if (key.Length % ArcBytes != 0)
        {
            throw new FormatException($"An OID key has {ArcBytes} bytes per arc; this one has {key.Length}.");
        }

        var arcs = new uint[key.Length / ArcBytes];
        for (var i = 0; i < arcs.Length; i++)
        {
            arcs[i] = BinaryPrimitives.ReadUInt32BigEndian(key[((i * ArcBytes) + 1)..]);
        }

        return arcs;
    }

    public static string DecodeText(ReadOnlySpan<byte> key) => string.Join('.', Decode(key));

    /// <summary>The first key after every key of the subtree at <paramref name="key"/>.</summary>
    public static byte[] SubtreeEnd(ReadOnlySpan<byte> key) => [.. key, AfterSubtree];

    /// <summary>Bytes of one arc, for the SQL that steps from child to child.</summary>
    public static int BytesPerArc => ArcBytes;
}
