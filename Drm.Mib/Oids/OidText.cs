using System.Globalization;
using System.Text;

namespace Drm.Mib.Oids;

/// <summary>Converts between dotted-decimal OID text (<c>1.3.6.1.2.1</c>) and arcs.</summary>
public static class OidText
{
    /// <summary>Parses dotted-decimal text; a leading dot (net-snmp's <c>-On</c> output) is accepted.</summary>
    /// <returns>False when the text is empty, has an empty or non-numeric arc, or an arc above 2^32-1.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out uint[] arcs)
    {
        arcs = [];
        if (text.StartsWith('.'))
        {
            text = text[1..];
        }

        if (text.IsEmpty)
        {
            return false;
        }

        var result = new List<uint>(16);
        foreach (var range in text.Split('.'))
        {
            var arc = text[range];
            // NumberStyles.None refuses signs, spaces and other noise that uint.Parse would otherwise accept.
            if (arc.IsEmpty || !uint.TryParse(arc, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            result.Add(value);
        }

        arcs = [.. result];
        return true;
    }

    /// <summary>Formats arcs as dotted-decimal text without a leading dot.</summary>
    public static string Format(ReadOnlySpan<uint> arcs)
    {
        var builder = new StringBuilder(arcs.Length * 4);
        for (var i = 0; i < arcs.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('.');
            }

            builder.Append(arcs[i].ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
