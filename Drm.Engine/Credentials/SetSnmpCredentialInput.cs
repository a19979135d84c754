namespace Drm.Engine.Credentials;

/// <summary>
/// The original system's SNMP credential shape. A secret left null keeps the stored one; an empty string clears it.
/// Null port, timeout and retries take the service defaults.
/// </summary>
public sealed record SetSnmpCredentialInput(
    Guid DeviceId,
    string Version,
    string? Community = null,
    string? Username = null,
    string? AuthProtocol = null,
    string? AuthPassword = null,
    string? PrivProtocol = null,
    string? PrivPassword = null,
    string? ContextName = null,
    int? Port = null,
    double? TimeoutSeconds = null,
    int? Retries = null);
