namespace Drm.Engine.Credentials;

/// <summary>What the API shows of a device's SNMP credential: settings, and whether each secret is set — never the secret.</summary>
public sealed record SnmpCredential(
    Guid DeviceId,
    string Version,
    string? Username,
    string? AuthProtocol,
    string? PrivProtocol,
    string? ContextName,
    int Port,
    int TimeoutMs,
    int Retries,
    bool HasCommunity,
    bool HasAuthPassword,
    bool HasPrivPassword,
    DateTimeOffset UpdatedAt);
