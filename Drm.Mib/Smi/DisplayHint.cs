using System.Globalization;
using System.Numerics;
using System.Text;

namespace Drm.Mib.Smi;

/// <summary>
/// RFC 2579 DISPLAY-HINT formatting. Octet hints are a list of specifications, each
/// <c>[*]length format [separator] [terminator]</c> with the formats x, d, o, a and t; the last one repeats until the
/// octets run out. Integer hints are <c>d</c>, <c>d-N</c> (N digits after a decimal point), <c>x</c>, <c>o</c> and
/// <c>b</c>. Numbers are printed without leading zeros, as net-snmp prints them (a MAC is <c>0:1a:2b:…</c>).
/// </summary>
public static class DisplayHint
{
    public static bool TryFormatOctets(string hint, ReadOnlySpan<byte> value, out string text)
    {
        text = "";
        if (!TryParse(hint, out var specs))
        {
            return false;
        }

        var builder = new StringBuilder(value.Length * 3);
        var (at, index) = (0, 0);
        while (at < value.Length)
        {
            var spec = specs[Math.Min(index++, specs.Count - 1)];
            var repeat = 1;
            if (spec.Star)
            {
                repeat = value[at++];
            }

            for (var r = 0; r < repeat && at < value.Length; r++)
            {
                var take = Math.Min(spec.Length, value.Length - at);
                Append(builder, spec.Format, value.Slice(at, take));
                at += take;
                var lastOfGroup = r == repeat - 1;
                if (at < value.Length && spec.Separator is { } separator && !(lastOfGroup && spec.Star && spec.Terminator is not null))
                {
                    builder.Append(separator);
                }
            }

            if (at < value.Length && spec.Star && spec.Terminator is { } terminator)
            {
                builder.Append(terminator);
            }
        }

        text = builder.ToString();
        return true;
    }

    public static string FormatInteger(string hint, long value)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (hint.Length > 0 ? hint[0] : ' ')
        {
            case 'x':
                return value.ToString("x", invariant);
            case 'o':
                return Convert.ToString(value, 8);
            case 'b':
                return Convert.ToString(value, 2);
            case 'd' when hint.Length > 2 && hint[1] == '-' && int.TryParse(hint.AsSpan(2), NumberStyles.None, invariant, out var places) && places is > 0 and < 19:
                var digits = BigInteger.Abs(value).ToString(invariant).PadLeft(places + 1, '0');
                return (value < 0 ? "-" : "") + digits[..^places] + "." + digits[^places..];
            default:
                return value.ToString(invariant);
        }
    }

    /// <summary>True when the octets read as text: valid UTF-8 without control characters other than tab and line breaks.</summary>
    public static bool IsPrintable(ReadOnlySpan<byte> bytes)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return false;
        }

        foreach (var b in bytes)
        {
            if ((b < 0x20 && b is not (0x09 or 0x0A or 0x0D)) || b == 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static void Append(StringBuilder builder, char format, ReadOnlySpan<byte> octets)
    {
        switch (format)
        {
            case 'a':
                foreach (var b in octets)
                {
                    builder.Append((char)b);
                }

                break;
            case 't':
                builder.Append(Encoding.UTF8.GetString(octets));
                break;
            default:
                var number = new BigInteger(octets, isUnsigned: true, isBigEndian: true);
                builder.Append(format switch
                {
                    'x' => number.IsZero ? "0" : number.ToString("x", CultureInfo.InvariantCulture).TrimStart('0'),
                    'o' => ToOctal(number),
                    _ => number.ToString(CultureInfo.InvariantCulture),
                });
                break;
        }
    }

    private static string ToOctal(BigInteger number)
    {
        if (number.IsZero)
        {
            return "0";
        }

        var digits = new StringBuilder();
        while (!number.IsZero)
        {
            digits.Insert(0, (char)('0' + (int)(number % 8)));
            number /= 8;
        }

        return digits.ToString();
    }

    private sealed record Spec(bool Star, int Length, char Format, char? Separator, char? Terminator);

    private static bool TryParse(string hint, out List<Spec> specs)
    {
        specs = [];
        var at = 0;
        while (at < hint.Length)
        {
            var star = hint[at] == '*';
            if (star)
            {
                at++;
            }

            var start = at;
            while (at < hint.Length && char.IsAsciiDigit(hint[at]))
            {
                at++;
            }

            if (at == start || at >= hint.Length || !int.TryParse(hint.AsSpan(start, at - start), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length == 0)
            {
                return false;
            }

            var format = hint[at++];
            if (format is not ('x' or 'd' or 'o' or 'a' or 't'))
            {
                return false;
            }

            char? separator = at < hint.Length && !char.IsAsciiDigit(hint[at]) && hint[at] != '*' ? hint[at++] : null;
            char? terminator = star && separator is not null && at < hint.Length && !char.IsAsciiDigit(hint[at]) && hint[at] != '*' ? hint[at++] : null;
            specs.Add(new Spec(star, length, format, separator, terminator));
        }

        return specs.Count > 0;
    }
}
