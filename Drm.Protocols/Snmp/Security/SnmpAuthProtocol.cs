namespace Drm.Protocols.Snmp.Security;

/// <summary>
/// A User-based Security Model authentication protocol: the HMAC that signs a v3 message and the hash that turns a
/// password into a key (RFC 3414 §6, RFC 7860 §4).
/// </summary>
public enum SnmpAuthProtocol
{
    /// <summary><c>usmNoAuthProtocol</c> (1.3.6.1.6.3.10.1.1.1): messages are not authenticated.</summary>
    None,

    /// <summary><c>usmHMACMD5AuthProtocol</c> (1.3.6.1.6.3.10.1.1.2): HMAC-MD5-96, RFC 3414 §6.</summary>
    Md5,

    /// <summary><c>usmHMACSHAAuthProtocol</c> (1.3.6.1.6.3.10.1.1.3): HMAC-SHA-96, RFC 3414 §7.</summary>
    Sha1,

    /// <summary><c>usmHMAC128SHA224AuthProtocol</c> (1.3.6.1.6.3.10.1.1.4): HMAC-SHA-224 truncated to 128 bits, RFC 7860.</summary>
    Sha224,

    /// <summary><c>usmHMAC192SHA256AuthProtocol</c> (1.3.6.1.6.3.10.1.1.5): HMAC-SHA-256 truncated to 192 bits, RFC 7860.</summary>
    Sha256,

    /// <summary><c>usmHMAC256SHA384AuthProtocol</c> (1.3.6.1.6.3.10.1.1.6): HMAC-SHA-384 truncated to 256 bits, RFC 7860.</summary>
    Sha384,

    /// <summary><c>usmHMAC384SHA512AuthProtocol</c> (1.3.6.1.6.3.10.1.1.7): HMAC-SHA-512 truncated to 384 bits, RFC 7860.</summary>
    Sha512,
}
