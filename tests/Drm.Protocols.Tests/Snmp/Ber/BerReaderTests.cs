using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Ber;

namespace Drm.Protocols.Tests.Snmp.Ber;

public sealed class BerReaderTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("04", 1)]
    [InlineData("0405616263", 0)] // length past the end
    [InlineData("0480", 1)] // indefinite length (the offset is the length octet)
    [InlineData("048500000000010000", 1)] // five length octets
    [InlineData("1F0100", 0)] // multi-byte tag
    [InlineData("0484FFFFFFFF", 1)] // length larger than int
    public void ReadValue_Malformed_ThrowsBerContentExceptionWithTheOffset(string hex, int offset)
    {
        var data = Convert.FromHexString(hex);

        var error = Should.Throw<BerContentException>(() => new BerReader(data).ReadValue());

        error.Offset.ShouldBe(offset);
    }

    [Fact]
    public void ReadSequence_NestedLengthsAreChecked_AndOffsetsAreAbsolute()
    {
        // SEQUENCE { INTEGER 1, OCTET STRING claiming 9 bytes inside a 5-byte sequence }
        var data = Convert.FromHexString("3007020101040961626364");

        var error = Should.Throw<BerContentException>(() =>
        {
            var reader = new BerReader(data);
            var sequence = reader.ReadSequence();
            sequence.ReadInt32();
            sequence.ReadOctetString();
        });

        error.Offset.ShouldBe(5);
    }

    [Theory]
    [InlineData("0400", SnmpType.OctetString)]
    [InlineData("0500", SnmpType.Null)]
    [InlineData("40047F000001", SnmpType.IpAddress)]
    [InlineData("440401020304", SnmpType.Opaque)]
    [InlineData("8000", SnmpType.NoSuchObject)]
    [InlineData("8100", SnmpType.NoSuchInstance)]
    [InlineData("8200", SnmpType.EndOfMibView)]
    [InlineData("400500000000FF", SnmpType.Invalid)] // IpAddress of 5 octets
    [InlineData("470100", SnmpType.Invalid)] // unknown application tag
    public void ReadValue_EveryType_IsRecognised(string hex, SnmpType type) =>
        new BerReader(Convert.FromHexString(hex)).ReadValue().Type.ShouldBe(type);

    [Fact]
    public void WritePrimitive_LongContent_UsesLongFormLengths()
    {
        using var writer = new BerWriter(4);
        using (writer.PushSequence())
        {
            writer.WriteOctetString(new byte[300]);
        }

        var bytes = writer.ToArray();
        // SEQUENCE of 304 content octets holding an OCTET STRING of 300: both lengths in the two-octet long form.
        Convert.ToHexString(bytes.AsSpan(0, 8)).ShouldBe("308201300482012C");
        var reader = new BerReader(bytes);
        var sequence = reader.ReadSequence();
        sequence.ReadOctetString().Length.ShouldBe(300);
        reader.HasData.ShouldBeFalse();
    }
}
