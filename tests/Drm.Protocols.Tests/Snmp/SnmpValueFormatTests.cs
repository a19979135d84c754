using System.Net;
using System.Text;
using Drm.Protocols.Snmp;

namespace Drm.Protocols.Tests.Snmp;

public sealed class SnmpValueFormatTests
{
    public static TheoryData<string, SnmpValue> Values => new()
    {
        { "int min", SnmpValue.Integer(int.MinValue) },
        { "int", SnmpValue.Integer(42) },
        { "counter32", SnmpValue.Counter32(uint.MaxValue) },
        { "gauge32", SnmpValue.Gauge32(1_000_000_000) },
        { "timeticks", SnmpValue.TimeTicks(8_640_000) },
        { "counter64", SnmpValue.Counter64(ulong.MaxValue) },
        { "empty octets", SnmpValue.OctetString([]) },
        { "text", SnmpValue.OctetString("GigabitEthernet0/1") },
        { "unicode text", SnmpValue.OctetString("Zürich — 東京 ✓\tline\r\n") },
        { "binary octets", SnmpValue.OctetString([0x00, 0x1A, 0x2B, 0xFF]) },
        { "invalid utf-8", SnmpValue.OctetString([0x41, 0xC3]) },
        { "delete char", SnmpValue.OctetString([0x41, 0x7F]) },
        { "opaque", SnmpValue.Opaque([0x9F, 0x78, 0x04, 0x42, 0xF6, 0x00, 0x00]) },
        { "ip", SnmpValue.IpAddress(IPAddress.Parse("192.0.2.254")) },
        { "oid", SnmpValue.Oid(ObjectIdentifier.Parse("1.3.6.1.4.1.8072.3.2.10")) },
        { "null", SnmpValue.Null },
        { "no such object", SnmpValue.NoSuchObject },
        { "no such instance", SnmpValue.NoSuchInstance },
        { "end of view", SnmpValue.EndOfMibView },
        { "invalid", SnmpValue.Invalid(0x99, [0x01, 0x02], "unknown tag") },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void TryFormat_WritesExactlyToStringsUtf8_WithinMaxFormattedLength(string name, SnmpValue value)
    {
        var expected = Encoding.UTF8.GetBytes(value.ToString());
        var destination = new byte[value.MaxFormattedLength];

        value.TryFormat(destination, out var written).ShouldBeTrue(name);
        destination[..written].ShouldBe(expected, name);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void TryFormat_IntoTooSmallADestination_ReturnsFalse(string name, SnmpValue value)
    {
        var length = Encoding.UTF8.GetByteCount(value.ToString());
        if (length > 0)
        {
            value.TryFormat(new byte[length - 1], out _).ShouldBeFalse(name);
        }
    }

    [Fact]
    public void OidTryFormat_WritesTheDottedForm_OrFalseWhenItDoesNotFit()
    {
        var oid = ObjectIdentifier.Parse("1.3.6.1.2.1.4294967295.0");
        var destination = new byte[64];
        oid.TryFormat(destination, out var written).ShouldBeTrue();
        Encoding.ASCII.GetString(destination, 0, written).ShouldBe("1.3.6.1.2.1.4294967295.0");
        foreach (var size in (int[])[0, 1, 11, written - 1])
        {
            oid.TryFormat(new byte[size], out _).ShouldBeFalse($"size {size}");
        }
    }
}
