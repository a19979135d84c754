using Drm.Protocols.Snmp.Ber;

namespace Drm.Protocols.Snmp.Transport;

/// <summary>Finds the id a response is matched by without decoding it all: request-id for v1/v2c, msgID for v3.</summary>
public static class MessageIds
{
    public static bool TryRead(ReadOnlySpan<byte> datagram, out int id)
    {
        id = 0;
        try
        {
            var reader = new BerReader(datagram);
            var message = reader.ReadSequence();
            var version = message.ReadInt32();
            if (version == (int)SnmpVersion.V3)
            {
                // RFC 3412 §6: msgGlobalData starts with msgID.
                var header = message.ReadSequence();
                id = header.ReadInt32();
                return true;
            }

            message.ReadOctetString();
            var pdu = message.ReadSequence(message.PeekTag());
            id = pdu.ReadInt32();
            return true;
        }
        catch (BerContentException)
        {
            return false;
        }
    }
}
