using System.Net;

namespace Drm.Protocols.Snmp.Pdus;

/// <summary>An SNMPv1 Trap-PDU (RFC 1157 §4.1.6), decoded only.</summary>
public sealed record SnmpV1Trap(
    ObjectIdentifier Enterprise,
    IPAddress AgentAddress,
    int GenericTrap,
    int SpecificTrap,
    uint TimeStamp,
    IReadOnlyList<VarBind> VarBinds);
