using System.Security.Cryptography;

namespace Drm.Protocols.Snmp.Security;

/// <summary>The hash and HMAC behind each <see cref="SnmpAuthProtocol"/>.</summary>
internal static class UsmHash
{
    /// <summary>The largest hash output of any protocol (SHA-512), for stack buffers.</summary>
    internal const int MaxHashLength = 64;

    /// <summary>The full hash output length, which is also the length of Ku and Kul (RFC 3414 §2.6, RFC 7860 §9.3).</summary>
    internal static int HashLength(SnmpAuthProtocol auth) => auth switch
    {
        SnmpAuthProtocol.Md5 => 16,
        SnmpAuthProtocol.Sha1 => 20,
        SnmpAuthProtocol.Sha224 => Sha224.HashSizeInBytes,
        SnmpAuthProtocol.Sha256 => 32,
        SnmpAuthProtocol.Sha384 => 48,
        SnmpAuthProtocol.Sha512 => 64,
        _ => throw NoHash(auth),
    };

    internal static void Hash(SnmpAuthProtocol auth, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        switch (auth)
        {
            case SnmpAuthProtocol.Md5:
#pragma warning disable CA5351 // RFC 3414 §6 mandates MD5 for usmHMACMD5AuthProtocol.
                MD5.HashData(source, destination);
#pragma warning restore CA5351
                break;
            case SnmpAuthProtocol.Sha1:
#pragma warning disable CA5350 // RFC 3414 §7 mandates SHA-1 for usmHMACSHAAuthProtocol.
                SHA1.HashData(source, destination);
#pragma warning restore CA5350
                break;
            case SnmpAuthProtocol.Sha224:
                Sha224.HashData(source, destination);
                break;
            case SnmpAuthProtocol.Sha256:
                SHA256.HashData(source, destination);
                break;
            case SnmpAuthProtocol.Sha384:
                SHA384.HashData(source, destination);
                break;
            case SnmpAuthProtocol.Sha512:
                SHA512.HashData(source, destination);
                break;
            default:
                throw NoHash(auth);
        }
    }

    /// <summary>
    /// The full, untruncated HMAC of <paramref name="source"/>; <paramref name="destination"/> takes <see cref="HashLength"/> octets.
    /// </summary>
    internal static void Hmac(SnmpAuthProtocol auth, ReadOnlySpan<byte> key, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        switch (auth)
        {
            case SnmpAuthProtocol.Md5:
#pragma warning disable CA5351 // RFC 3414 §6: HMAC-MD5-96.
                HMACMD5.HashData(key, source, destination);
#pragma warning restore CA5351
                break;
            case SnmpAuthProtocol.Sha1:
#pragma warning disable CA5350 // RFC 3414 §7: HMAC-SHA-96.
                HMACSHA1.HashData(key, source, destination);
#pragma warning restore CA5350
                break;
            case SnmpAuthProtocol.Sha224:
                HmacSha224.HashData(key, source, destination);
                break;
            case SnmpAuthProtocol.Sha256:
                HMACSHA256.HashData(key, source, destination);
                break;
            case SnmpAuthProtocol.Sha384:
                HMACSHA384.HashData(key, source, destination);
                break;
            case SnmpAuthProtocol.Sha512:
                HMACSHA512.HashData(key, source, destination);
                break;
            default:
                throw NoHash(auth);
        }
    }

    private static ArgumentException NoHash(SnmpAuthProtocol auth) => auth == SnmpAuthProtocol.None
        ? new ArgumentException("usmNoAuthProtocol has no hash and no keys.", nameof(auth))
        : new ArgumentOutOfRangeException(nameof(auth), auth, "Unknown SNMP authentication protocol.");
}
