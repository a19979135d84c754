using Drm.Protocols.Snmp.Security;

namespace Drm.Protocols.Snmp;

/// <summary>An SNMPv3 user of the user-based security model (RFC 3414).</summary>
public sealed record SnmpUser(
    string Name,
    SnmpAuthProtocol Auth = SnmpAuthProtocol.None,
    string? AuthPassword = null,
    SnmpPrivProtocol Priv = SnmpPrivProtocol.None,
    string? PrivPassword = null)
{
    public override string ToString() => $"{Name} ({Auth}/{Priv})";
}
