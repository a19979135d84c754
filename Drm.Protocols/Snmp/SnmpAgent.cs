using System.Net;
using System.Text;

namespace Drm.Protocols.Snmp;

/// <summary>Where an agent is and how to talk to it (SNMPv1/v2c).</summary>
public sealed record SnmpAgent
{
    public required IPEndPoint EndPoint { get; init; }

    public SnmpVersion Version { get; init; } = SnmpVersion.V2c;

    public ReadOnlyMemory<byte> Community { get; init; } = Encoding.ASCII.GetBytes("public");

    /// <summary>The SNMPv3 user; required when <see cref="Version"/> is V3.</summary>
    public SnmpUser? User { get; init; }

    /// <summary>The SNMPv3 context name (usually empty).</summary>
    public ReadOnlyMemory<byte> ContextName { get; init; } = Array.Empty<byte>();

    /// <summary>Time to wait for one response.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Retransmissions after the first attempt, with exponential backoff between them.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>GetBulk max-repetitions a walk starts with (it shrinks on tooBig and on timeouts of big requests).</summary>
    public int MaxRepetitions { get; init; } = 25;

    /// <summary>Builds an agent from the stored credential shape, filling gaps from <paramref name="defaults"/>.</summary>
    /// <exception cref="ArgumentException">The version is not 1 or 2c (v3 arrives with USM).</exception>
    public static SnmpAgent FromCredential(
        IPAddress address, string version, string? community, int? port, TimeSpan? timeout, int? retries, SnmpClientOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var parsed = version.Trim().ToLowerInvariant() switch
        {
            "1" or "v1" => SnmpVersion.V1,
            "2c" or "v2c" or "2" => SnmpVersion.V2c,
            _ => throw new ArgumentException($"SNMP version '{version}' is not supported by this client.", nameof(version)),
        };
        return new SnmpAgent
        {
            EndPoint = new IPEndPoint(address, port ?? defaults.Port),
            Version = parsed,
            Community = Encoding.UTF8.GetBytes(community ?? "public"),
            Timeout = timeout ?? defaults.Timeout,
            Retries = retries ?? defaults.Retries,
            MaxRepetitions = defaults.MaxRepetitions,
        };
    }
}
