using Drm.Protocols.Snmp.Ber;

namespace Drm.Protocols.Snmp.Pdus;

/// <summary>An SNMPv1 or SNMPv2c message: version, community and one PDU (RFC 1157 §4, RFC 1901 §3).</summary>
public sealed record CommunityMessage(SnmpVersion Version, ReadOnlyMemory<byte> Community, object Pdu)
{
    public byte[] Encode()
    {
        if (Pdu is not SnmpPdu pdu)
        {
            throw new InvalidOperationException("Only SnmpPdu messages are encoded; SNMPv1 traps are received, not sent.");
        }

        using var writer = new BerWriter(256 + (pdu.VarBinds.Count * 32));
        using (writer.PushSequence())
        {
            writer.WriteInteger((int)Version);
            writer.WriteOctetString(Community.Span);
            PduCodec.Write(writer, pdu);
        }

        return writer.ToArray();
    }

    /// <exception cref="BerContentException">The message is malformed or not v1/v2c.</exception>
    public static CommunityMessage Decode(ReadOnlySpan<byte> data)
    {
        var reader = new BerReader(data);
        var message = reader.ReadSequence();
        var versionAt = message.Offset;
        var version = message.ReadInt32();
        if (version is not ((int)SnmpVersion.V1 or (int)SnmpVersion.V2c))
        {
            throw new BerContentException($"Not a community message (version {version})", versionAt);
        }

        var community = message.ReadOctetString().ToArray();
        var pdu = PduCodec.Read(ref message);
        message.EnsureFullyRead();
        return new CommunityMessage((SnmpVersion)version, community, pdu);
    }
}
