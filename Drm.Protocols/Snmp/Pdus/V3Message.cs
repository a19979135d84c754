using Drm.Protocols.Snmp.Ber;
using Drm.Protocols.Snmp.Security;

namespace Drm.Protocols.Snmp.Pdus;

/// <summary>
/// An SNMPv3 message with the user-based security model (RFC 3412 §6, RFC 3414 §2.4). <see cref="ScopedPdu"/> holds
/// the BER of the ScopedPDU when it travels in plaintext, or the ciphertext when <see cref="Encrypted"/> is set.
/// </summary>
public sealed record V3Message(
    int MessageId,
    int MaxSize,
    V3Flags Flags,
    UsmSecurityParameters Security,
    ReadOnlyMemory<byte> ScopedPdu)
{
    public const int UserSecurityModel = 3;

    public bool Encrypted => (Flags & V3Flags.Privacy) != 0;

    /// <summary>Encodes the message; <paramref name="authParametersOffset"/> is where a signer writes the MAC.</summary>
    public byte[] Encode(out int authParametersOffset)
    {
        using var writer = new BerWriter(256 + ScopedPdu.Length);
        using (writer.PushSequence())
        {
            writer.WriteInteger((int)SnmpVersion.V3);
            using (writer.PushSequence())
            {
                writer.WriteInteger(MessageId);
                writer.WriteInteger(MaxSize);
                writer.WriteOctetString([(byte)Flags]);
                writer.WriteInteger(UserSecurityModel);
            }

            using (writer.PushSequence(BerTag.OctetString))
            {
                Security.Write(writer);
            }

            if (Encrypted)
            {
                writer.WriteOctetString(ScopedPdu.Span);
            }
            else
            {
                writer.WriteEncoded(ScopedPdu.Span);
            }
        }

        var bytes = writer.ToArray();
        // Lengths are fixed only once the outer scopes close, so find the offset in the finished bytes.
        Decode(bytes, out authParametersOffset);
        return bytes;
    }

    /// <exception cref="BerContentException">Malformed, or not a USM message.</exception>
    public static V3Message Decode(ReadOnlySpan<byte> data, out int authParametersOffset)
    {
        var reader = new BerReader(data);
        var message = reader.ReadSequence();
        var versionAt = message.Offset;
        if (message.ReadInt32() != (int)SnmpVersion.V3)
        {
            throw new BerContentException("Not an SNMPv3 message", versionAt);
        }

        var header = message.ReadSequence();
        var id = header.ReadInt32();
        var maxSize = header.ReadInt32();
        var flagsAt = header.Offset;
        var flags = header.ReadOctetString();
        if (flags.Length != 1)
        {
            throw new BerContentException("msgFlags must be one octet", flagsAt);
        }

        var modelAt = header.Offset;
        if (header.ReadInt32() != UserSecurityModel)
        {
            throw new BerContentException("Only the user-based security model (3) is supported", modelAt);
        }

        header.EnsureFullyRead();
        message.ReadTlv(out var securityBytes, out var securityOffset);
        var security = UsmSecurityParameters.Read(securityBytes, securityOffset, out authParametersOffset);
        var encrypted = (flags[0] & (byte)V3Flags.Privacy) != 0;
        ReadOnlyMemory<byte> scoped;
        if (encrypted)
        {
            scoped = message.ReadOctetString().ToArray();
        }
        else
        {
            var start = message.Remaining;
            message.ReadSequence();
            scoped = start[..(start.Length - message.Remaining.Length)].ToArray();
        }

        message.EnsureFullyRead();
        return new V3Message(id, maxSize, (V3Flags)flags[0], security, scoped);
    }

    /// <summary>Encodes a ScopedPDU (RFC 3412 §6.8).</summary>
    public static byte[] EncodeScopedPdu(ReadOnlySpan<byte> contextEngineId, ReadOnlySpan<byte> contextName, SnmpPdu pdu)
    {
        using var writer = new BerWriter(128 + (pdu.VarBinds.Count * 32));
        using (writer.PushSequence())
        {
            writer.WriteOctetString(contextEngineId);
            writer.WriteOctetString(contextName);
            PduCodec.Write(writer, pdu);
        }

        return writer.ToArray();
    }

    /// <summary>Reads a ScopedPDU; trailing bytes after it (cipher padding) are ignored.</summary>
    public static SnmpPdu DecodeScopedPdu(ReadOnlySpan<byte> scopedPdu)
    {
        var reader = new BerReader(scopedPdu);
        var scoped = reader.ReadSequence();
        scoped.ReadOctetString();
        scoped.ReadOctetString();
        var pdu = PduCodec.ReadPdu(ref scoped);
        scoped.EnsureFullyRead();
        return pdu;
    }
}
