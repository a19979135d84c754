namespace Drm.Protocols.Snmp;

/// <summary>msgVersion on the wire (RFC 1157, RFC 1901, RFC 3412).</summary>
public enum SnmpVersion
{
    V1 = 0,
    V2c = 1,
    V3 = 3,
}
