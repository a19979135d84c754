using System.Net;
using Drm.Protocols.Snmp.Pdus;

namespace Drm.Protocols.Snmp;

/// <summary>
/// An SNMP request failed (the original system's <c>SNMPClientError</c>): the agent answered with an error-status,
/// sent something unusable, or broke the protocol.
/// </summary>
public class SnmpClientException : DrmProtocolException
{
    public SnmpClientException(
        string message,
        EndPoint? agent = null,
        SnmpPduType? requestType = null,
        SnmpErrorStatus? errorStatus = null,
        int? errorIndex = null,
        Exception? innerException = null)
        : base(agent is null ? message : $"{message} (agent {agent})", innerException)
    {
        Agent = agent;
        RequestType = requestType;
        ErrorStatus = errorStatus;
        ErrorIndex = errorIndex;
    }

    public EndPoint? Agent { get; }

    public SnmpPduType? RequestType { get; }

    /// <summary>The error-status the agent returned, when it returned one.</summary>
    public SnmpErrorStatus? ErrorStatus { get; }

    /// <summary>The 1-based error-index the agent returned, when it returned one.</summary>
    public int? ErrorIndex { get; }
}
