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

    /// <summary>Writes the recording as an snmprec file.</summary>
    public void Save(string path) => File.WriteAllLines(path, Oids.Select((oid, i) => ToSnmprecLine(new VarBind(oid, Values[i]))));

    /// <summary>An ifTable/ifXTable-like table (eleven columns of mixed types per row) and an ipAdEntAddr column: 12 OIDs a row.</summary>
    public static SnmpRecording InterfaceTable(int rows)
    {
        var result = new List<VarBind>(rows * 10 + 3)
        {
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0"), SnmpValue.OctetString("DRM benchmark agent")),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(123_456)),
        };
        for (var i = 1; i <= rows; i++)
        {
            var index = (uint)i;
            result.Add(new(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.1").Append(index), SnmpValue.Integer(i)));
            result.Add(new(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.2").Append(index), SnmpValue.OctetString($"GigabitEthernet{i / 48}/{i % 48}")));
            result.Add(new(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.3").Append(index), SnmpValue.Integer(6)));
            result.Add(new(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.5").Append(index), SnmpValue.Gauge32(1_000_000_000)));
            result.Add(new(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.6").Append(index), SnmpValue.OctetString([0, 0x1B, 0x21, (byte)(i >> 16), (byte)(i >> 8), (byte)i])));
            result.Add(new(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.8").Append(index), SnmpValue.Integer(i % 3 == 0 ? 2 : 1)));
            result.Add(new(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.9").Append(index), SnmpValue.TimeTicks((uint)(i * 100))));
            result.Add(new(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.10").Append(index), SnmpValue.Counter32(uint.MaxValue - index)));
            result.Add(new(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.14").Append(index), SnmpValue.Integer(i % 2 == 0 ? int.MinValue : 0)));
            result.Add(new(ObjectIdentifier.Parse("1.3.6.1.2.1.31.1.1.1.6").Append(index), SnmpValue.Counter64(ulong.MaxValue - index)));
            result.Add(new(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.22").Append(index), SnmpValue.Oid(ObjectIdentifier.Parse("1.3.6.1.4.1.9.1").Append(index % 100))));
            result.Add(new(ObjectIdentifier.Parse("1.3.6.1.2.1.4.20.1.1.10").Append((uint)(i >> 16) & 0xFF, (uint)(i >> 8) & 0xFF, (uint)i & 0xFF),
                SnmpValue.IpAddress(new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]))));
        }

        return FromEntries(result);
    }

    /// <summary>One entry as an snmprec line.</summary>
    public static string ToSnmprecLine(VarBind varBind)
    {
        var v = varBind.Value;
        var (tag, text) = v.Type switch
        {
            SnmpType.Integer => ("2", v.ToString()),
            SnmpType.OctetString => SnmpValue.IsPrintable(v.Bytes.Span) ? ("4", v.ToString()) : ("4x", Convert.ToHexString(v.Bytes.Span)),
            SnmpType.Gauge32 => ("66", v.ToString()),
            SnmpType.TimeTicks => ("67", v.ToString()),
            SnmpType.Counter32 => ("65", v.ToString()),
            SnmpType.Counter64 => ("70", v.ToString()),
            SnmpType.IpAddress => ("64", v.ToString()),
            SnmpType.ObjectIdentifier => ("6", v.ToString()),
            SnmpType.Opaque => ("68x", Convert.ToHexString(v.Bytes.Span)),
            SnmpType.Null => ("5", ""),
            _ => throw new NotSupportedException(v.Type.ToString()),
        };
        return $"{varBind.Oid}|{tag}|{text}";
    }
}
