namespace Drm.Protocols.Snmp.Pdus;

/// <summary>msgFlags (RFC 3412 §6.4).</summary>
[Flags]
public enum V3Flags : byte
{
    None = 0,
    Authentication = 0x01,
    Privacy = 0x02,
    Reportable = 0x04,
}
