using System.Security.Cryptography;

namespace Drm.Protocols.Snmp.Security;

/// <summary>HMAC-SHA-224 (RFC 2104 over <see cref="Sha224"/>), for usmHMAC128SHA224AuthProtocol (RFC 7860 §4.1).</summary>
internal static class HmacSha224
{
    internal static void HashData(ReadOnlySpan<byte> key, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        // RFC 2104 §2: a key longer than the block is hashed first; then zero-padded to the 64-octet block.
        Span<byte> paddedKey = stackalloc byte[Sha224.BlockSizeInBytes];
        Span<byte> innerHash = stackalloc byte[Sha224.HashSizeInBytes];
        paddedKey.Clear();
        if (key.Length > Sha224.BlockSizeInBytes)
        {
            Sha224.HashData(key, paddedKey);
        }
        else
        {
            key.CopyTo(paddedKey);
        }

        using var sha = new Sha224();
        try
        {
            // H(K XOR ipad, text)
            Xor(paddedKey, 0x36);
            sha.Append(paddedKey);
            sha.Append(source);
            sha.GetHashAndReset(innerHash);

            // H(K XOR opad, H(K XOR ipad, text)): (K XOR ipad) XOR (ipad XOR opad) is K XOR opad.
            Xor(paddedKey, 0x36 ^ 0x5C);
            sha.Append(paddedKey);
            sha.Append(innerHash);
            sha.GetHashAndReset(destination);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(paddedKey);
            CryptographicOperations.ZeroMemory(innerHash);
        }
    }

    private static void Xor(Span<byte> bytes, byte value)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] ^= value;
        }
    }
}
