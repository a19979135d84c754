using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Ber;

namespace Drm.Protocols.Tests.Snmp.Ber;

public sealed class BerIntegerTests
{
    [Theory]
    [InlineData("020100", 0)]
    [InlineData("02017F", 127)]
    [InlineData("02020080", 128)]
    [InlineData("0201FF", -1)]
    [InlineData("020180", -128)]
    [InlineData("0202FF7F", -129)]
    [InlineData("02047FFFFFFF", int.MaxValue)]
    [InlineData("020480000000", int.MinValue)]
    // Liberal: non-minimal encodings that real agents send (pysnmp sends -2147483648 in five octets).
    [InlineData("0205FF80000000", int.MinValue)]
    [InlineData("020400000001", 1)]
    [InlineData("0203FFFFFF", -1)]
    // Non-minimal long-form length.
    [InlineData("02810105", 5)]
    public void ReadValue_Integer_DecodesMinimalAndLiberalForms(string hex, int expected)
    {
        var reader = new BerReader(Convert.FromHexString(hex));

        reader.ReadValue().ShouldBe(SnmpValue.Integer(expected));
        reader.HasData.ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, "020100")]
    [InlineData(127, "02017F")]
    [InlineData(128, "02020080")]
    [InlineData(-128, "020180")]
    [InlineData(-129, "0202FF7F")]
    [InlineData(int.MinValue, "020480000000")]
    public void WriteInteger_IsMinimal(int value, string expected)
    {
        using var writer = new BerWriter();

        writer.WriteInteger(value);

        Convert.ToHexString(writer.WrittenSpan).ShouldBe(expected);
    }

    [Theory]
    [InlineData("02050100000000", "INTEGER does not fit 32 bits")]
    [InlineData("0200", "INTEGER does not fit 32 bits")]
    [InlineData("4105010000000000", "value wider than 32 bits")]
    public void ReadValue_UnrepresentableNumber_IsAnInvalidValueNotAnException(string hex, string error)
    {
        var value = new BerReader(Convert.FromHexString(hex)).ReadValue();

        value.Type.ShouldBe(SnmpType.Invalid);
        value.Error.ShouldBe(error);
    }

    [Theory]
    [InlineData("410100", SnmpType.Counter32, 0UL)]
    [InlineData("410500FFFFFFFF", SnmpType.Counter32, 4294967295UL)]
    // Agents that drop the zero sign octet: accepted as the unsigned value they mean.
    [InlineData("4104FFFFFFFF", SnmpType.Counter32, 4294967295UL)]
    [InlineData("420400FFFFFF", SnmpType.Gauge32, 16777215UL)]
    [InlineData("430401020304", SnmpType.TimeTicks, 16909060UL)]
    [InlineData("460900FFFFFFFFFFFFFFFF", SnmpType.Counter64, ulong.MaxValue)]
    [InlineData("4608FFFFFFFFFFFFFFFF", SnmpType.Counter64, ulong.MaxValue)]
    public void ReadValue_UnsignedTypes_DecodeTheFullRange(string hex, SnmpType type, ulong expected)
    {
        var value = new BerReader(Convert.FromHexString(hex)).ReadValue();

        value.Type.ShouldBe(type);
        (type == SnmpType.Counter64 ? value.ToUInt64() : value.ToUInt32()).ShouldBe(expected);
    }

    [Theory]
    [InlineData(SnmpType.Counter32, 4294967295UL, "410500FFFFFFFF")]
    [InlineData(SnmpType.Counter64, 1UL << 63, "4609008000000000000000")]
    [InlineData(SnmpType.TimeTicks, 0UL, "430100")]
    public void WriteValue_Unsigned_AddsTheSignOctetOnlyWhenNeeded(SnmpType type, ulong value, string expected)
    {
        using var writer = new BerWriter();
        writer.WriteValue(type switch
        {
            SnmpType.Counter32 => SnmpValue.Counter32((uint)value),
            SnmpType.TimeTicks => SnmpValue.TimeTicks((uint)value),
            _ => SnmpValue.Counter64(value),
        });

        Convert.ToHexString(writer.WrittenSpan).ShouldBe(expected);
    }
}
