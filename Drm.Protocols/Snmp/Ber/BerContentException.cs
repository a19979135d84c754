namespace Drm.Protocols.Snmp.Ber;

/// <summary>Malformed BER: the only exception the decoder throws for bad wire data.</summary>
public sealed class BerContentException(string message, int offset)
    : DrmProtocolException($"{message} (at byte {offset})")
{
    /// <summary>Offset into the decoded buffer where the problem was found.</summary>
    public int Offset { get; } = offset;
}
