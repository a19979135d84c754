using System.Net;
using System.Text;
using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Ber;
using Drm.Protocols.Snmp.Pdus;

namespace Drm.Protocols.Tests.Snmp.Pdus;

public sealed class CommunityMessageTests
{
    // A v2c GetRequest for sysDescr.0 with community "public", request-id 1, as net-snmp's snmpget sends it.
    private const string CapturedGet = "302602010104067075626C6963A019020101020100020100300E300C06082B060102010101000500";

    [Fact]
    public void Encode_GetRequest_MatchesTheCapturedPacket()
    {
        var message = new CommunityMessage(SnmpVersion.V2c, Encoding.ASCII.GetBytes("public"),
            SnmpPdu.Get(1, [ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0")]));

        Convert.ToHexString(message.Encode()).ShouldBe(CapturedGet);
    }

    [Fact]
    public void Decode_ResponseWithEveryType_RoundTrips()
    {
        var varBinds = new VarBind[]
        {
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0"), SnmpValue.OctetString("Linux ✓")),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.1.2.0"), SnmpValue.Oid(ObjectIdentifier.Parse("1.3.6.1.4.1.8072.3.2.10"))),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(123456)),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.1.1"), SnmpValue.Integer(-42)),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.10.1"), SnmpValue.Counter32(uint.MaxValue)),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.5.1"), SnmpValue.Gauge32(1_000_000_000)),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.4.20.1.1.10.0.0.1"), SnmpValue.IpAddress(IPAddress.Parse("10.0.0.1"))),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.31.1.1.1.6.1"), SnmpValue.Counter64(ulong.MaxValue)),
            new(ObjectIdentifier.Parse("1.3.6.1.4.1.1.1"), SnmpValue.Opaque([0x9F, 0x78, 0x04, 0x3F, 0x80, 0, 0])),
            new(ObjectIdentifier.Parse("1.3.6.1.4.1.1.2"), SnmpValue.Null),
            new(ObjectIdentifier.Parse("1.3.6.1.4.1.1.3"), SnmpValue.NoSuchObject),
            new(ObjectIdentifier.Parse("1.3.6.1.4.1.1.4"), SnmpValue.NoSuchInstance),
            new(ObjectIdentifier.Parse("1.3.6.1.4.1.1.5"), SnmpValue.EndOfMibView),
        };
        var sent = new CommunityMessage(SnmpVersion.V2c, Encoding.ASCII.GetBytes("c"), new SnmpPdu(SnmpPduType.Response, 77, 0, 0, varBinds));

        var received = CommunityMessage.Decode(sent.Encode());

        received.Version.ShouldBe(SnmpVersion.V2c);
        var pdu = received.Pdu.ShouldBeOfType<SnmpPdu>();
        pdu.RequestId.ShouldBe(77);
        pdu.VarBinds.ShouldBe(varBinds);
    }

    [Fact]
    public void Decode_V1Trap_ReadsEveryField()
    {
        using var writer = new BerWriter();
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            writer.WriteOctetString("public"u8);
            using (writer.PushSequence((byte)SnmpPduType.TrapV1))
            {
                writer.WriteOid(ObjectIdentifier.Parse("1.3.6.1.4.1.8072"));
                writer.WriteOctetString([192, 0, 2, 1], BerTag.IpAddress);
                writer.WriteInteger(6);
                writer.WriteInteger(17);
                writer.WriteUnsigned(4242, BerTag.TimeTicks);
                using (writer.PushSequence())
                {
                }
            }
        }

        var trap = CommunityMessage.Decode(writer.ToArray()).Pdu.ShouldBeOfType<SnmpV1Trap>();

        trap.ShouldBe(trap with
        {
            Enterprise = ObjectIdentifier.Parse("1.3.6.1.4.1.8072"), GenericTrap = 6, SpecificTrap = 17, TimeStamp = 4242,
        });
        trap.AgentAddress.ToString().ShouldBe("192.0.2.1");
    }

    [Theory]
    [InlineData("3003020103")] // version 3 is not a community message
    [InlineData("300602010104017A")] // no PDU
    [InlineData("300902010104017AA90100")] // unknown PDU tag
    [InlineData("302702010104067075626C6963A019020101020100020100300E300C06082B06010201010100050000")] // trailing byte
    public void Decode_Malformed_ThrowsBerContentException(string hex) =>
        Should.Throw<BerContentException>(() => CommunityMessage.Decode(Convert.FromHexString(hex)));
}
