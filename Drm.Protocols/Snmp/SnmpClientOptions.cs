namespace Drm.Protocols.Snmp;

/// <summary>Defaults for SNMP requests; a device's own credential overrides them.</summary>
public sealed record SnmpClientOptions
{
    /// <summary>Time to wait for one response before retrying.</summary>
    /// <value>5 seconds (<c>SNMP_DEFAULT_TIMEOUT</c>).</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Retransmissions after the first attempt.</summary>
    /// <value>2 (<c>SNMP_DEFAULT_RETRIES</c>).</value>
    public int Retries { get; init; } = 2;

    /// <summary>Agent UDP port.</summary>
    /// <value>161 (<c>SNMP_DEFAULT_PORT</c>).</value>
    public int Port { get; init; } = 161;

    /// <summary>GetBulk max-repetitions used by walks.</summary>
    /// <value>25 (<c>SNMP_MAX_REPETITIONS</c>).</value>
    public int MaxRepetitions { get; init; } = 25;
}
