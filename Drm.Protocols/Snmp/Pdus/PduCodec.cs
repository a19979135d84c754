using System.Net;
using Drm.Protocols.Snmp.Ber;

namespace Drm.Protocols.Snmp.Pdus;

/// <summary>Encodes and decodes PDUs and their varbind lists (RFC 3416 §3).</summary>
public static class PduCodec
{
    public static void Write(BerWriter writer, SnmpPdu pdu)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(pdu);
        using (writer.PushSequence((byte)pdu.Type))
        {
            writer.WriteInteger(pdu.RequestId);
            writer.WriteInteger(pdu.ErrorStatus);
            writer.WriteInteger(pdu.ErrorIndex);
            using (writer.PushSequence())
            {
                foreach (var varBind in pdu.VarBinds)
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteOid(varBind.Oid);
                        writer.WriteValue(varBind.Value);
                    }
                }
            }
        }
    }

    /// <summary>Reads a PDU; an SNMPv1 trap comes back as <see cref="SnmpV1Trap"/>, anything else as <see cref="SnmpPdu"/>.</summary>
    /// <exception cref="BerContentException">The PDU is malformed.</exception>
    public static object Read(ref BerReader reader)
    {
        var start = reader.Offset;
        var tag = reader.PeekTag();
        if (tag is < (byte)SnmpPduType.GetRequest or > (byte)SnmpPduType.Report)
        {
            throw new BerContentException($"Unknown PDU tag 0x{tag:X2}", start);
        }

        var body = reader.ReadSequence(tag);
        if (tag == (byte)SnmpPduType.TrapV1)
        {
            return ReadV1Trap(ref body);
        }

        var requestId = body.ReadInt32();
        var errorStatus = body.ReadInt32();
        var errorIndex = body.ReadInt32();
        var varBinds = ReadVarBinds(ref body);
        body.EnsureFullyRead();
        return new SnmpPdu((SnmpPduType)tag, requestId, errorStatus, errorIndex, varBinds);
    }

    public static SnmpPdu ReadPdu(ref BerReader reader)
    {
        var start = reader.Offset;
        return Read(ref reader) as SnmpPdu ?? throw new BerContentException("Expected a PDU, found an SNMPv1 trap", start);
    }

    private static VarBind[] ReadVarBinds(ref BerReader body)
    {
        var list = body.ReadSequence();
        var result = new List<VarBind>();
        while (list.HasData)
        {
            var varBind = list.ReadSequence();
            var oid = varBind.ReadOid();
            var value = varBind.ReadValue();
            varBind.EnsureFullyRead();
            result.Add(new VarBind(oid, value));
        }

        return [.. result];
    }

    private static SnmpV1Trap ReadV1Trap(ref BerReader body)
    {
        var enterprise = body.ReadOid();
        var addressAt = body.Offset;
        var address = body.ReadPrimitive(BerTag.IpAddress);
        if (address.Length != 4)
        {
            throw new BerContentException("agent-addr must be 4 octets", addressAt);
        }

        var generic = body.ReadInt32();
        var specific = body.ReadInt32();
        var timeAt = body.Offset;
        if (!BerDecoder.TryDecodeUnsigned(body.ReadPrimitive(BerTag.TimeTicks), 32, out var time))
        {
            throw new BerContentException("time-stamp wider than 32 bits", timeAt);
        }

        var varBinds = ReadVarBinds(ref body);
        body.EnsureFullyRead();
        return new SnmpV1Trap(enterprise, new IPAddress(address), generic, specific, (uint)time, varBinds);
    }
}
