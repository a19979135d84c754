namespace Drm.Protocols.Snmp.Security;

/// <summary>
/// A User-based Security Model privacy protocol: the cipher that encrypts the scopedPDU of a v3 message, and the way
/// its key is cut or extended from the localized key (RFC 3414 §8, RFC 3826 §3, draft-blumenthal-aes-usm-04,
/// draft-reeder-snmpv3-usm-3desede-00).
/// </summary>
public enum SnmpPrivProtocol
{
    /// <summary><c>usmNoPrivProtocol</c> (1.3.6.1.6.3.10.1.2.1): the scopedPDU travels in clear.</summary>
    None,

    /// <summary><c>usmDESPrivProtocol</c> (1.3.6.1.6.3.10.1.2.2): CBC-DES, RFC 3414 §8.</summary>
    Des,

    /// <summary>
    /// <c>usm3DESEDEPrivProtocol</c> (1.3.6.1.6.3.10.1.2.3): 3DES-EDE in outside CBC mode, draft-reeder-snmpv3-usm-3desede-00.
    /// Its 32-octet key (24 key octets and an 8-octet pre-IV) is extended with the Reeder method.
    /// </summary>
    TripleDes,

    /// <summary><c>usmAesCfb128Protocol</c> (1.3.6.1.6.3.10.1.2.4): CFB128-AES-128, RFC 3826.</summary>
    Aes128,

    /// <summary>
    /// CFB128-AES-192 with the key extension of draft-blumenthal-aes-usm-04 §3.1.2.1: net-snmp's <c>AES-192</c>, which it
    /// registers as 1.3.6.1.4.1.14832.1.3.
    /// </summary>
    Aes192,

    /// <summary>
    /// CFB128-AES-256 with the key extension of draft-blumenthal-aes-usm-04 §3.1.2.1: net-snmp's <c>AES-256</c>, which it
    /// registers as 1.3.6.1.4.1.14832.1.4.
    /// </summary>
    Aes256,

    /// <summary>
    /// CFB128-AES-192 with the key extension of draft-reeder-snmpv3-usm-3desede-00 §2.1, as Cisco ships it under
    /// <c>cusmAESCfb192PrivProtocol</c> (1.3.6.1.4.1.9.12.6.1.1): net-snmp's <c>AES-192-C</c>, snmpsim's <c>AES192</c>.
    /// </summary>
    Aes192Reeder,

    /// <summary>
    /// CFB128-AES-256 with the key extension of draft-reeder-snmpv3-usm-3desede-00 §2.1, as Cisco ships it under
    /// <c>cusmAESCfb256PrivProtocol</c> (1.3.6.1.4.1.9.12.6.1.2): net-snmp's <c>AES-256-C</c>, snmpsim's <c>AES256</c>.
    /// </summary>
    Aes256Reeder,
}
