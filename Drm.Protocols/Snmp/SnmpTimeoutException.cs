using System.Net;
using Drm.Protocols.Snmp.Pdus;

namespace Drm.Protocols.Snmp;

/// <summary>The agent did not answer within the timeout, after every retry (the original <c>SNMPTimeoutError</c>).</summary>
public sealed class SnmpTimeoutException(string message, EndPoint? agent = null, SnmpPduType? requestType = null)
    : SnmpClientException(message, agent, requestType)
{
    public override bool IsTransient => true;
}
