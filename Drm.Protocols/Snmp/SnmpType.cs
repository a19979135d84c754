namespace Drm.Protocols.Snmp;

/// <summary>The type of a varbind value: the SMIv2 base types and the RFC 3416 exceptions.</summary>
public enum SnmpType : byte
{
    Integer,
    OctetString,
    Null,
    ObjectIdentifier,
    IpAddress,
    Counter32,
    Gauge32,
    TimeTicks,
    Opaque,
    Counter64,
    NoSuchObject,
    NoSuchInstance,
    EndOfMibView,

    /// <summary>A value the agent sent that cannot be represented (an unknown tag, an oversized number…); see <see cref="SnmpValue.Error"/>.</summary>
    Invalid,
}
