using System.Net;

namespace Drm.Protocols.Snmp;

/// <summary>The agent refused our credentials (the original <c>SNMPAuthError</c>): unknown user, wrong digest, and the like.</summary>
public sealed class SnmpAuthException(string message, EndPoint? agent = null)
    : SnmpClientException(message, agent);
