using System.Globalization;
using System.Net;
using Drm.Protocols.Snmp;

namespace Drm.TestUtils;

/// <summary>An agent's data in OID order, read from snmpsim's <c>.snmprec</c> format (<c>OID|TAG|VALUE</c>).</summary>
public sealed class SnmpRecording
{
    private SnmpRecording(ObjectIdentifier[] oids, SnmpValue[] values)
    {
        Oids = oids;
        Values = values;
    }

    public ObjectIdentifier[] Oids { get; }

    public SnmpValue[] Values { get; }

    public int Count => Oids.Length;

    public static SnmpRecording FromEntries(IEnumerable<VarBind> entries)
    {
        var sorted = entries.OrderBy(e => e.Oid).ToArray();
        return new SnmpRecording(sorted.Select(e => e.Oid).ToArray(), sorted.Select(e => e.Value).ToArray());
    }

    /// <summary>Reads a .snmprec file: tags 2, 4, 5, 6, 64–68 and 70, with an <c>x</c> suffix for hex values.</summary>
    public static SnmpRecording Load(string path) => FromEntries(File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(ParseLine));

    public static VarBind ParseLine(string line)
    {
        var parts = line.Split('|', 3);
        if (parts.Length != 3)
        {
            throw new FormatException($"Not an snmprec line: {line}");
        }

        var hex = parts[1].EndsWith('x');
        var tag = int.Parse(hex ? parts[1][..^1] : parts[1], CultureInfo.InvariantCulture);
        var text = parts[2];
        byte[] Bytes() => hex ? Convert.FromHexString(text) : System.Text.Encoding.UTF8.GetBytes(text);
        var value = tag switch
        {
            2 => SnmpValue.Integer(int.Parse(text, CultureInfo.InvariantCulture)),
            4 => SnmpValue.OctetString(Bytes()),
            5 => SnmpValue.Null,
            6 => SnmpValue.Oid(ObjectIdentifier.Parse(text)),
            64 => SnmpValue.IpAddress(hex ? new IPAddress(Bytes()) : IPAddress.Parse(text)),
            65 => SnmpValue.Counter32(uint.Parse(text, CultureInfo.InvariantCulture)),
            66 => SnmpValue.Gauge32(uint.Parse(text, CultureInfo.InvariantCulture)),
            67 => SnmpValue.TimeTicks(uint.Parse(text, CultureInfo.InvariantCulture)),
            68 => SnmpValue.Opaque(Bytes()),
            70 => SnmpValue.Counter64(ulong.Parse(text, CultureInfo.InvariantCulture)),
            _ => throw new FormatException($"Unsupported snmprec tag {tag}: {line}"),
        };
        return new VarBind(ObjectIdentifier.Parse(parts[0]), value);
    }

    /// <summary>Index of the first OID greater than <paramref name="oid"/>, or <see cref="Count"/>.</summary>
    public int NextIndex(ObjectIdentifier oid)
    {
        int low = 0, high = Oids.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Oids[mid].CompareTo(oid) <= 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
