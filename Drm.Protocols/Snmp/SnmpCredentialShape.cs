namespace Drm.Protocols.Snmp;

/// <summary>The original system's stored SNMP credential, as the engine hands it to the client (secrets decrypted).</summary>
public sealed record SnmpCredentialShape(
    string Version,
    string? Community = null,
    string? Username = null,
    string? AuthProtocol = null,
    string? AuthPassword = null,
    string? PrivProtocol = null,
    string? PrivPassword = null,
    string? ContextName = null,
    int? Port = null,
    TimeSpan? Timeout = null,
    int? Retries = null);
