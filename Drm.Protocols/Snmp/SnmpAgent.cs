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

    /// <summary>
    /// Builds an agent from the stored credential shape of the original system (<c>version</c>, <c>community</c> or the
    /// v3 <c>username/auth_protocol/auth_password/priv_protocol/priv_password</c>, <c>port</c>, <c>timeout</c>,
    /// <c>retries</c>), filling gaps from <paramref name="defaults"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown version or protocol, or v3 without a user name.</exception>
    public static SnmpAgent FromCredential(IPAddress address, SnmpCredentialShape credential, SnmpClientOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(defaults);
        var version = credential.Version.Trim().ToLowerInvariant() switch
        {
            "1" or "v1" => SnmpVersion.V1,
            "2c" or "v2c" or "2" => SnmpVersion.V2c,
            "3" or "v3" => SnmpVersion.V3,
            _ => throw new ArgumentException($"SNMP version '{credential.Version}' is not 1, 2c or 3.", nameof(credential)),
        };
        SnmpUser? user = null;
        if (version == SnmpVersion.V3)
        {
            user = new SnmpUser(
                string.IsNullOrEmpty(credential.Username) ? throw new ArgumentException("SNMPv3 needs a user name.", nameof(credential)) : credential.Username,
                Security.SnmpSecurityProtocols.ParseAuth(credential.AuthProtocol),
                credential.AuthPassword,
                Security.SnmpSecurityProtocols.ParsePriv(credential.PrivProtocol),
                credential.PrivPassword);
        }

        return new SnmpAgent
        {
            EndPoint = new IPEndPoint(address, credential.Port ?? defaults.Port),
            Version = version,
            Community = Encoding.UTF8.GetBytes(credential.Community ?? "public"),
            User = user,
            ContextName = Encoding.UTF8.GetBytes(credential.ContextName ?? ""),
            Timeout = credential.Timeout ?? defaults.Timeout,
            Retries = credential.Retries ?? defaults.Retries,
            MaxRepetitions = defaults.MaxRepetitions,
        };
    }
}
