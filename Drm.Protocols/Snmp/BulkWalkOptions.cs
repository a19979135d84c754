namespace Drm.Protocols.Snmp;

/// <summary>How a walk behaves.</summary>
public sealed record BulkWalkOptions
{
    /// <summary>Max-repetitions to start with; null takes the value that last worked for this agent, else the agent's setting.</summary>
    public int? MaxRepetitions { get; init; }

    /// <summary>
    /// Go on when an agent returns an OID that is not greater than the previous one (net-snmp's <c>-Cc</c>); an OID
    /// repeated exactly still ends the walk, so a broken agent cannot loop it forever.
    /// </summary>
    public bool AllowNonIncreasing { get; init; }
}
