namespace Drm.Protocols.Snmp.Security;

/// <summary>
/// Names and sizes of the USM protocols: parses the spellings stored with a device credential and those net-snmp's
/// command line takes, and gives the lengths a message encoder needs.
/// </summary>
public static class SnmpSecurityProtocols
{
    /// <summary>
    /// Parses an authentication protocol name: our stored spellings (<c>MD5</c>, <c>SHA</c>, <c>SHA224</c>, <c>SHA256</c>,
    /// <c>SHA384</c>, <c>SHA512</c>) and net-snmp's (<c>SHA-256</c>, <c>SHA1</c>, <c>SHA-1</c> …), in any case.
    /// </summary>
    /// <param name="text">The name; <see langword="null"/>, blank or <c>none</c> mean no authentication.</param>
    /// <returns>The protocol.</returns>
    /// <exception cref="ArgumentException">The name is not a known authentication protocol.</exception>
    public static SnmpAuthProtocol ParseAuth(string? text) => Normalize(text) switch
    {
        null => SnmpAuthProtocol.None,
        "MD5" or "HMACMD5" => SnmpAuthProtocol.Md5,
        "SHA" or "SHA1" or "HMACSHA" => SnmpAuthProtocol.Sha1,
        "SHA224" => SnmpAuthProtocol.Sha224,
        "SHA256" => SnmpAuthProtocol.Sha256,
        "SHA384" => SnmpAuthProtocol.Sha384,
        "SHA512" => SnmpAuthProtocol.Sha512,
        _ => throw new ArgumentException(
            $"Unknown SNMP authentication protocol '{text}'; expected MD5, SHA, SHA224, SHA256, SHA384, SHA512 or none.",
            nameof(text)),
    };

    /// <summary>
    /// Parses a privacy protocol name: our stored spellings (<c>DES</c>, <c>3DES</c>, <c>AES</c>, <c>AES192</c>, <c>AES256</c>,
    /// <c>AES192C</c>, <c>AES256C</c>, where the C suffix is the Reeder key extension Cisco uses) and net-snmp's
    /// (<c>AES-128</c>, <c>AES-192</c>, <c>AES-256</c>, <c>AES-192-C</c>, <c>AES-256-C</c>), in any case.
    /// </summary>
    /// <param name="text">The name; <see langword="null"/>, blank or <c>none</c> mean no privacy.</param>
    /// <returns>The protocol.</returns>
    /// <exception cref="ArgumentException">The name is not a known privacy protocol.</exception>
    public static SnmpPrivProtocol ParsePriv(string? text) => Normalize(text) switch
    {
        null => SnmpPrivProtocol.None,
        "DES" or "CBCDES" => SnmpPrivProtocol.Des,
        "3DES" or "3DESEDE" or "TRIPLEDES" => SnmpPrivProtocol.TripleDes,
        "AES" or "AES128" => SnmpPrivProtocol.Aes128,
        "AES192" => SnmpPrivProtocol.Aes192,
        "AES256" => SnmpPrivProtocol.Aes256,
        "AES192C" => SnmpPrivProtocol.Aes192Reeder,
        "AES256C" => SnmpPrivProtocol.Aes256Reeder,
        _ => throw new ArgumentException(
            $"Unknown SNMP privacy protocol '{text}'; expected DES, 3DES, AES, AES192, AES256, AES192C, AES256C or none.",
            nameof(text)),
    };

    /// <summary>
    /// The length of the truncated MAC carried in msgAuthenticationParameters (RFC 3414 §6.3.1, §7.3.1; RFC 7860 §4.2.2):
    /// 12 octets for MD5 and SHA-1, 16, 24, 32 and 48 for SHA-224, SHA-256, SHA-384 and SHA-512, 0 for none.
    /// </summary>
    /// <param name="auth">The authentication protocol.</param>
    /// <returns>The number of octets.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="auth"/> is not a defined value.</exception>
    public static int DigestLength(SnmpAuthProtocol auth) => auth switch
    {
        SnmpAuthProtocol.None => 0,
        SnmpAuthProtocol.Md5 or SnmpAuthProtocol.Sha1 => 12,
        SnmpAuthProtocol.Sha224 => 16,
        SnmpAuthProtocol.Sha256 => 24,
        SnmpAuthProtocol.Sha384 => 32,
        SnmpAuthProtocol.Sha512 => 48,
        _ => throw new ArgumentOutOfRangeException(nameof(auth), auth, "Unknown SNMP authentication protocol."),
    };

    /// <summary>
    /// The length of the localized privacy key <see cref="UsmKeys.LocalizedPrivKey"/> returns and
    /// <see cref="UsmPrivacy"/> takes: 16 octets for DES (an 8-octet key and an 8-octet pre-IV, RFC 3414 §8.1.1.1),
    /// 32 for 3DES-EDE (24 and 8, draft-reeder-snmpv3-usm-3desede-00 §5.1.1.1), the AES key size for AES
    /// (RFC 3826 §3.1.2.1), 0 for none.
    /// </summary>
    /// <param name="priv">The privacy protocol.</param>
    /// <returns>The number of octets.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priv"/> is not a defined value.</exception>
    public static int PrivKeyLength(SnmpPrivProtocol priv) => priv switch
    {
        SnmpPrivProtocol.None => 0,
        SnmpPrivProtocol.Des or SnmpPrivProtocol.Aes128 => 16,
        SnmpPrivProtocol.Aes192 or SnmpPrivProtocol.Aes192Reeder => 24,
        SnmpPrivProtocol.TripleDes or SnmpPrivProtocol.Aes256 or SnmpPrivProtocol.Aes256Reeder => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(priv), priv, "Unknown SNMP privacy protocol."),
    };

    // Upper case without separators, so "sha-256", "SHA_256" and "Sha256" compare equal; null for "no protocol".
    private static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = text.Trim().ToUpperInvariant()
            .Replace("-", string.Empty, StringComparison.Ordinal)
            .Replace("_", string.Empty, StringComparison.Ordinal);
        return normalized is "NONE" or "NOAUTH" or "NOPRIV" ? null : normalized;
    }
}
