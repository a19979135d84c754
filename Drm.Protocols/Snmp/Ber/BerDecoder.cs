using System.Diagnostics.CodeAnalysis;

namespace Drm.Protocols.Snmp.Ber;

/// <summary>
/// Stateless decoding of BER content octets. Liberal where real agents deviate (non-minimal integers, as pysnmp-based
/// agents send -2147483648 in five octets); a value that does not fit returns false instead of throwing.
/// </summary>
public static class BerDecoder
{
    /// <summary>Decodes a two's-complement INTEGER (X.690 8.3). False when empty or wider than 64 bits.</summary>
    public static bool TryDecodeInt64(ReadOnlySpan<byte> content, out long value)
    {
        value = 0;
        content = TrimSignExtension(content);
        if (content.IsEmpty || content.Length > 8)
        {
            return false;
        }

        long result = (sbyte)content[0];
        for (var i = 1; i < content.Length; i++)
        {
            result = (result << 8) | content[i];
        }

        value = result;
        return true;
    }

    /// <summary>Decodes an INTEGER that must fit 32 bits (X.690 8.3; RFC 2578 Integer32).</summary>
    public static bool TryDecodeInt32(ReadOnlySpan<byte> content, out int value)
    {
        value = 0;
        if (!TryDecodeInt64(content, out var wide) || wide is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        value = (int)wide;
        return true;
    }

    /// <summary>
    /// Decodes an unsigned value of <paramref name="bits"/> (32 or 64). Leading zero octets are ignored; some agents
    /// send large counters without the zero sign octet, so up to <paramref name="bits"/> of value bits are accepted as-is.
    /// </summary>
    public static bool TryDecodeUnsigned(ReadOnlySpan<byte> content, int bits, out ulong value)
    {
        value = 0;
        if (content.IsEmpty)
        {
            return false;
        }

        while (content.Length > 1 && content[0] == 0)
        {
            content = content[1..];
        }

        if (content.Length > bits / 8)
        {
            return false;
        }

        ulong result = 0;
        foreach (var b in content)
        {
            result = (result << 8) | b;
        }

        value = result;
        return true;
    }

    /// <summary>Decodes OBJECT IDENTIFIER content (X.690 8.19). False for a malformed or overflowing sub-identifier.</summary>
    public static bool TryDecodeOid(ReadOnlySpan<byte> content, [NotNullWhen(true)] out uint[]? arcs)
    {
        arcs = null;
        if (content.IsEmpty || (content[^1] & 0x80) != 0)
        {
            return false;
        }

        var count = 1;
        foreach (var b in content)
        {
            if ((b & 0x80) == 0)
            {
                count++;
            }
        }

        if (count > ObjectIdentifier.MaxArcs)
        {
            return false;
        }

        var result = new uint[count];
        var index = 0;
        ulong current = 0;
        var first = true;
        foreach (var b in content)
        {
            current = (current << 7) | (uint)(b & 0x7F);
            if (current > uint.MaxValue + 80UL)
            {
                return false;
            }

            if ((b & 0x80) != 0)
            {
                continue;
            }

            if (first)
            {
                // X.690 8.19.4: the first sub-identifier packs the first two arcs as 40 * X + Y.
                var x = current < 40 ? 0u : current < 80 ? 1u : 2u;
                var y = current - (40UL * x);
                if (y > uint.MaxValue)
                {
                    return false;
                }

                result[index++] = x;
                result[index++] = (uint)y;
                first = false;
            }
            else
            {
                if (current > uint.MaxValue)
                {
                    return false;
                }

                result[index++] = (uint)current;
            }

            current = 0;
        }

        arcs = result;
        return true;
    }

    // X.690 8.3.2 says the first nine bits are never all equal; agents break that, so drop the redundant octets.
    private static ReadOnlySpan<byte> TrimSignExtension(ReadOnlySpan<byte> content)
    {
        while (content.Length > 1 &&
               ((content[0] == 0x00 && (content[1] & 0x80) == 0) || (content[0] == 0xFF && (content[1] & 0x80) != 0)))
        {
            content = content[1..];
        }

        return content;
    }
}
