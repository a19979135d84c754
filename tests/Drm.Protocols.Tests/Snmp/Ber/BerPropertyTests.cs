using CsCheck;
using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Ber;
using Drm.Protocols.Snmp.Pdus;

namespace Drm.Protocols.Tests.Snmp.Ber;

/// <summary>Random round trips and a fuzzer: the decoder must never throw anything but <see cref="BerContentException"/>.</summary>
public sealed class BerPropertyTests
{
    private static readonly Gen<ObjectIdentifier> GenOid =
        Gen.Select(Gen.UInt[0, 2], Gen.UInt[0, 39], Gen.UInt.Array[0, 30])
            .Select((a, b, rest) => new ObjectIdentifier([a, b, .. rest]));

    private static readonly Gen<SnmpValue> GenValue = Gen.OneOf(
        Gen.Int.Select(SnmpValue.Integer),
        Gen.Byte.Array[0, 300].Select(SnmpValue.OctetString),
        Gen.Const(SnmpValue.Null),
        GenOid.Select(SnmpValue.Oid),
        Gen.Byte.Array[4].Select(b => SnmpValue.IpAddress(new System.Net.IPAddress(b))),
        Gen.UInt.Select(SnmpValue.Counter32),
        Gen.UInt.Select(SnmpValue.Gauge32),
        Gen.UInt.Select(SnmpValue.TimeTicks),
        Gen.Byte.Array[0, 20].Select(SnmpValue.Opaque),
        Gen.ULong.Select(SnmpValue.Counter64),
        Gen.Const(SnmpValue.NoSuchObject),
        Gen.Const(SnmpValue.NoSuchInstance),
        Gen.Const(SnmpValue.EndOfMibView));

    private static readonly Gen<SnmpPdu> GenPdu =
        Gen.Select(Gen.Int, Gen.Int[0, 18], Gen.Int[0, 100], Gen.Select(GenOid, GenValue, (o, v) => new VarBind(o, v)).Array[0, 40])
            .Select((id, status, index, varBinds) => new SnmpPdu(SnmpPduType.Response, id, status, index, varBinds));

    [Fact]
    public void EncodeThenDecode_AnyMessage_GivesItBack() =>
        Gen.Select(GenPdu, Gen.Byte.Array[0, 40], Gen.Bool).Sample((pdu, community, v1) =>
        {
            var message = new CommunityMessage(v1 ? SnmpVersion.V1 : SnmpVersion.V2c, community, pdu);
            var decoded = CommunityMessage.Decode(message.Encode());
            var decodedPdu = (SnmpPdu)decoded.Pdu;
            return decoded.Version == message.Version && decoded.Community.Span.SequenceEqual(community) &&
                   decodedPdu with { VarBinds = [] } == pdu with { VarBinds = [] } && decodedPdu.VarBinds.SequenceEqual(pdu.VarBinds);
        }, iter: 2_000);

    [Fact]
    public void Decode_MutatedAndRandomPackets_ThrowsOnlyBerContentException()
    {
        var valid = Gen.Select(GenPdu, Gen.Byte.Array[0, 10]).Select((pdu, c) => new CommunityMessage(SnmpVersion.V2c, c, pdu).Encode());
        var mutated = Gen.Select(valid, Gen.Int[0, int.MaxValue], Gen.Byte, Gen.Int[0, 3]).Select((bytes, position, value, mode) =>
        {
            if (bytes.Length == 0)
            {
                return bytes;
            }

            var at = position % bytes.Length;
            return mode switch
            {
                0 => [.. bytes[..at], value, .. bytes[(at + 1)..]], // flip a byte
                1 => bytes[..at], // truncate
                2 => [.. bytes[..at], value, .. bytes[at..]], // insert a byte
                _ => [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + 1 + (value % 8))..]], // delete a run
            };
        });
        var random = Gen.Byte.Array[0, 200];

        Gen.OneOf(mutated, random).Sample(bytes =>
        {
            try
            {
                CommunityMessage.Decode(bytes);
            }
            catch (BerContentException)
            {
            }
        }, iter: 1_000_000);
    }
}
