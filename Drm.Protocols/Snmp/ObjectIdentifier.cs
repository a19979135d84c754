using System.Globalization;
using System.Text;

namespace Drm.Protocols.Snmp;

/// <summary>An SNMP object identifier: up to 128 arcs of 0 … 2^32-1 (RFC 2578 §3.5), ordered lexicographically.</summary>
public readonly struct ObjectIdentifier : IEquatable<ObjectIdentifier>, IComparable<ObjectIdentifier>
{
    /// <summary>RFC 2578 §3.5: at most 128 sub-identifiers.</summary>
    public const int MaxArcs = 128;

    private readonly uint[]? _arcs;

    /// <summary>Wraps <paramref name="arcs"/> without copying; the caller must not change the array afterwards.</summary>
    public ObjectIdentifier(uint[] arcs)
    {
        ArgumentNullException.ThrowIfNull(arcs);
        _arcs = arcs;
    }

    public ReadOnlySpan<uint> Arcs => _arcs;

    public int Length => _arcs?.Length ?? 0;

    /// <summary>Parses dotted decimal text such as <c>1.3.6.1.2.1.1.1.0</c>; a leading dot is allowed.</summary>
    /// <exception cref="FormatException">The text is not a dotted-decimal OID.</exception>
    public static ObjectIdentifier Parse(string text) =>
        TryParse(text, out var oid) ? oid : throw new FormatException($"'{text}' is not a numeric OID.");

    public static bool TryParse(ReadOnlySpan<char> text, out ObjectIdentifier oid)
    {
        oid = default;
        if (text.StartsWith('.'))
        {
            text = text[1..];
        }

        if (text.IsEmpty)
        {
            return false;
        }

        var arcs = new List<uint>(16);
        foreach (var range in text.Split('.'))
        {
            if (!uint.TryParse(text[range], NumberStyles.None, CultureInfo.InvariantCulture, out var arc) || arcs.Count == MaxArcs)
            {
                return false;
            }

            arcs.Add(arc);
        }

        oid = new ObjectIdentifier([.. arcs]);
        return true;
    }

    /// <summary>True when this OID lies inside the subtree rooted at <paramref name="root"/> (or is the root itself).</summary>
    public bool StartsWith(ObjectIdentifier root) => Arcs.StartsWith(root.Arcs);

    /// <summary>A new OID with <paramref name="suffix"/> appended.</summary>
    public ObjectIdentifier Append(params ReadOnlySpan<uint> suffix)
    {
        var arcs = new uint[Length + suffix.Length];
        Arcs.CopyTo(arcs);
        suffix.CopyTo(arcs.AsSpan(Length));
        return new ObjectIdentifier(arcs);
    }

    public int CompareTo(ObjectIdentifier other) => Arcs.SequenceCompareTo(other.Arcs);

    public bool Equals(ObjectIdentifier other) => Arcs.SequenceEqual(other.Arcs);

    public override bool Equals(object? obj) => obj is ObjectIdentifier other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Arcs));
        return hash.ToHashCode();
    }

    public override string ToString()
    {
        var builder = new StringBuilder(Length * 4);
        foreach (var arc in Arcs)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(arc.ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>Writes the dotted form as UTF-8 without allocating; false when <paramref name="destination"/> is too small.</summary>
    public bool TryFormat(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        foreach (var arc in Arcs)
        {
            if (bytesWritten > 0)
            {
                if (bytesWritten == destination.Length)
                {
                    return false;
                }

                destination[bytesWritten++] = (byte)'.';
            }

            if (!arc.TryFormat(destination[bytesWritten..], out var digits, default, CultureInfo.InvariantCulture))
            {
                return false;
            }

            bytesWritten += digits;
        }

        return true;
    }

    public static bool operator ==(ObjectIdentifier left, ObjectIdentifier right) => left.Equals(right);

    public static bool operator !=(ObjectIdentifier left, ObjectIdentifier right) => !left.Equals(right);

    public static bool operator <(ObjectIdentifier left, ObjectIdentifier right) => left.CompareTo(right) < 0;

    public static bool operator >(ObjectIdentifier left, ObjectIdentifier right) => left.CompareTo(right) > 0;

    public static bool operator <=(ObjectIdentifier left, ObjectIdentifier right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ObjectIdentifier left, ObjectIdentifier right) => left.CompareTo(right) >= 0;
}
