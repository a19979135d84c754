namespace Drm.Protocols.Snmp.Security;

/// <summary>A user's keys localized to one authoritative engine, as <see cref="UsmKeyCache"/> hands them out.</summary>
/// <param name="AuthKey">The localized authentication key Kul (RFC 3414 §2.6); empty for <see cref="SnmpAuthProtocol.None"/>.</param>
/// <param name="PrivKey">
/// The localized privacy key, <see cref="SnmpSecurityProtocols.PrivKeyLength"/> octets long; empty for
/// <see cref="SnmpPrivProtocol.None"/>.
/// </param>
/// <remarks>The arrays are the caller's own copies: clear them when done if they outlive the request.</remarks>
public sealed record UsmLocalizedKeys(byte[] AuthKey, byte[] PrivKey);
