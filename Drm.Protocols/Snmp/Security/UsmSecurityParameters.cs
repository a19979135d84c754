using Drm.Protocols.Snmp.Ber;

namespace Drm.Protocols.Snmp.Security;

/// <summary>UsmSecurityParameters (RFC 3414 §2.4), carried BER-encoded inside msgSecurityParameters.</summary>
public sealed record UsmSecurityParameters(
    ReadOnlyMemory<byte> EngineId,
    int EngineBoots,
    int EngineTime,
    ReadOnlyMemory<byte> UserName,
    ReadOnlyMemory<byte> AuthenticationParameters,
    ReadOnlyMemory<byte> PrivacyParameters)
{
    public void Write(BerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using (writer.PushSequence())
        {
            writer.WriteOctetString(EngineId.Span);
            writer.WriteInteger(EngineBoots);
            writer.WriteInteger(EngineTime);
            writer.WriteOctetString(UserName.Span);
            writer.WriteOctetString(AuthenticationParameters.Span);
            writer.WriteOctetString(PrivacyParameters.Span);
        }
    }

    /// <summary>Reads the parameters and the absolute offset of msgAuthenticationParameters' content (for HMAC checks).</summary>
    /// <exception cref="BerContentException">Malformed parameters.</exception>
    public static UsmSecurityParameters Read(ReadOnlySpan<byte> encoded, int origin, out int authParametersOffset)
    {
        var reader = new BerReader(encoded, origin);
        var sequence = reader.ReadSequence();
        var engineId = sequence.ReadOctetString().ToArray();
        var boots = sequence.ReadInt32();
        var time = sequence.ReadInt32();
        var user = sequence.ReadOctetString().ToArray();
        sequence.ReadTlv(out var auth, out authParametersOffset);
        var priv = sequence.ReadOctetString().ToArray();
        sequence.EnsureFullyRead();
        return new UsmSecurityParameters(engineId, boots, time, user, auth.ToArray(), priv);
    }
}
