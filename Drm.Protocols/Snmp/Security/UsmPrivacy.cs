using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Drm.Protocols.Snmp.Security;

/// <summary>
/// Encrypts and decrypts the scopedPDU of a v3 message with the USM privacy protocols: CBC-DES (RFC 3414 §8),
/// 3DES-EDE in outside CBC mode (draft-reeder-snmpv3-usm-3desede-00 §5) and CFB128-AES (RFC 3826 §3; the same
/// procedure with 192- and 256-bit keys for the draft-blumenthal-aes-usm-04 and Reeder-keyed variants).
/// </summary>
/// <remarks>
/// Keys are the localized privacy keys of <see cref="UsmKeys.LocalizedPrivKey"/>. Salts come from process-wide
/// counters started at random values and advanced atomically, so no two messages of this engine share an IV.
/// </remarks>
public static class UsmPrivacy
{
    // RFC 3414 §8.1.1.1, RFC 3826 §3.1.2.1: msgPrivacyParameters is the 8-octet salt.
    private const int PrivParametersLength = 8;
    private const int CbcBlockLength = 8;
    private const int AesBlockLength = 16;

    // RFC 3414 §8.1.1.1: the low half of the DES salt is a 32-bit integer set to an arbitrary value at boot and
    // incremented per message (draft-reeder-snmpv3-usm-3desede-00 §5.1.1.1 reuses it for 3DES).
    private static int _cbcSalt = RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue);

    // RFC 3826 §3.1.2.1: the AES salt is a 64-bit integer set to a pseudo-random value at boot and incremented per message.
    private static long _aesSalt = BinaryPrimitives.ReadInt64BigEndian(RandomNumberGenerator.GetBytes(8));

    /// <summary>
    /// Encrypts a serialized scopedPDU (RFC 3414 §8.3.1, RFC 3826 §3.3.1). DES and 3DES pad the plaintext with zeros
    /// to a multiple of 8 octets (RFC 3414 §8.1.1.2: the pad value is irrelevant); AES-CFB needs no padding.
    /// </summary>
    /// <param name="priv">The privacy protocol.</param>
    /// <param name="privKey">The localized privacy key, at least <see cref="SnmpSecurityProtocols.PrivKeyLength"/> octets.</param>
    /// <param name="engineBoots">The authoritative engine's snmpEngineBoots, as put in msgAuthoritativeEngineBoots.</param>
    /// <param name="engineTime">The authoritative engine's snmpEngineTime, as put in msgAuthoritativeEngineTime.</param>
    /// <param name="scopedPdu">The serialized scopedPDU.</param>
    /// <param name="privParameters">The 8-octet salt to send as msgPrivacyParameters.</param>
    /// <returns>The ciphertext, to send as the encryptedPDU OCTET STRING.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="priv"/> is <see cref="SnmpPrivProtocol.None"/>, the key is too short, or <paramref name="scopedPdu"/> is empty.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// Boots or time is negative, or <paramref name="priv"/> is not a defined value.
    /// </exception>
    /// <exception cref="CryptographicException">The DES or 3DES key is one of the few weak keys the platform refuses.</exception>
    public static byte[] Encrypt(
        SnmpPrivProtocol priv,
        ReadOnlySpan<byte> privKey,
        int engineBoots,
        int engineTime,
        ReadOnlySpan<byte> scopedPdu,
        out byte[] privParameters)
    {
        CheckArguments(priv, privKey, engineBoots, engineTime);
        if (scopedPdu.IsEmpty)
        {
            throw new ArgumentException("There is no scopedPDU to encrypt.", nameof(scopedPdu));
        }

        var salt = new byte[PrivParametersLength];
        Span<byte> iv = stackalloc byte[AesBlockLength];
        byte[] ciphertext;
        if (IsCbc(priv))
        {
            // RFC 3414 §8.1.1.1: salt = snmpEngineBoots ‖ local 32-bit integer.
            BinaryPrimitives.WriteInt32BigEndian(salt, engineBoots);
            BinaryPrimitives.WriteInt32BigEndian(salt.AsSpan(4), Interlocked.Increment(ref _cbcSalt));
            CbcIv(priv, privKey, salt, iv);
            ciphertext = EncryptCbc(priv, privKey, iv[..CbcBlockLength], scopedPdu);
        }
        else
        {
            // RFC 3826 §3.1.2.1: salt = local 64-bit integer; IV = snmpEngineBoots ‖ snmpEngineTime ‖ salt.
            BinaryPrimitives.WriteInt64BigEndian(salt, Interlocked.Increment(ref _aesSalt));
            AesIv(engineBoots, engineTime, salt, iv);
            ciphertext = TransformAesCfb(encrypt: true, privKey[..AesKeyLength(priv)], iv, scopedPdu);
        }

        privParameters = salt;
        return ciphertext;
    }

    /// <summary>
    /// Decrypts an encryptedPDU (RFC 3414 §8.3.2, RFC 3826 §3.3.2). A wrong key yields garbage, not an error, which
    /// the caller's BER reader then rejects. DES and 3DES plaintext may carry padding after the scopedPDU; all
    /// octets are returned and the BER reader ignores what follows the SEQUENCE.
    /// </summary>
    /// <param name="priv">The privacy protocol.</param>
    /// <param name="privKey">The localized privacy key, at least <see cref="SnmpSecurityProtocols.PrivKeyLength"/> octets.</param>
    /// <param name="engineBoots">msgAuthoritativeEngineBoots of the received message.</param>
    /// <param name="engineTime">msgAuthoritativeEngineTime of the received message.</param>
    /// <param name="privParameters">msgPrivacyParameters of the received message: the 8-octet salt.</param>
    /// <param name="ciphertext">The encryptedPDU octets.</param>
    /// <returns>The plaintext scopedPDU, with any DES padding.</returns>
    /// <exception cref="CryptographicException">
    /// <paramref name="privParameters"/> is not 8 octets, the ciphertext is empty or, for DES and 3DES, not a multiple
    /// of 8 octets (RFC 3414 §8.3.2 decryptionError), or the DES or 3DES key is a weak key the platform refuses.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="priv"/> is <see cref="SnmpPrivProtocol.None"/>, or the key is too short.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// Boots or time is negative, or <paramref name="priv"/> is not a defined value.
    /// </exception>
    public static byte[] Decrypt(
        SnmpPrivProtocol priv,
        ReadOnlySpan<byte> privKey,
        int engineBoots,
        int engineTime,
        ReadOnlySpan<byte> privParameters,
        ReadOnlySpan<byte> ciphertext)
    {
        CheckArguments(priv, privKey, engineBoots, engineTime);

        // RFC 3414 §8.3.2 step 1, RFC 3826 §3.3.2 step 1: msgPrivacyParameters must be 8 octets.
        if (privParameters.Length != PrivParametersLength)
        {
            throw new CryptographicException(
                $"msgPrivacyParameters is {privParameters.Length} octets long; {priv} needs an 8-octet salt.");
        }

        if (ciphertext.IsEmpty)
        {
            throw new CryptographicException("The encryptedPDU is empty.");
        }

        Span<byte> iv = stackalloc byte[AesBlockLength];
        if (IsCbc(priv))
        {
            // RFC 3414 §8.3.2: CBC ciphertext that is not a whole number of 8-octet blocks is a decryptionError.
            if (ciphertext.Length % CbcBlockLength != 0)
            {
                throw new CryptographicException(
                    $"The {priv} encryptedPDU is {ciphertext.Length} octets long, not a multiple of {CbcBlockLength}.");
            }

            CbcIv(priv, privKey, privParameters, iv);
            return DecryptCbc(priv, privKey, iv[..CbcBlockLength], ciphertext);
        }

        AesIv(engineBoots, engineTime, privParameters, iv);
        return TransformAesCfb(encrypt: false, privKey[..AesKeyLength(priv)], iv, ciphertext);
    }

    private static void CheckArguments(SnmpPrivProtocol priv, ReadOnlySpan<byte> privKey, int engineBoots, int engineTime)
    {
        var keyLength = SnmpSecurityProtocols.PrivKeyLength(priv);
        if (keyLength == 0)
        {
            throw new ArgumentException("usmNoPrivProtocol neither encrypts nor decrypts.", nameof(priv));
        }

        if (privKey.Length < keyLength)
        {
            throw new ArgumentException($"A {priv} privacy key is {keyLength} octets long, not {privKey.Length}.", nameof(privKey));
        }

        // RFC 3414 §2.4: msgAuthoritativeEngineBoots and msgAuthoritativeEngineTime are INTEGER (0..2147483647).
        ArgumentOutOfRangeException.ThrowIfNegative(engineBoots);
        ArgumentOutOfRangeException.ThrowIfNegative(engineTime);
    }

    private static bool IsCbc(SnmpPrivProtocol priv) => priv is SnmpPrivProtocol.Des or SnmpPrivProtocol.TripleDes;

    // RFC 3414 §8.1.1.1: DES key = privKey[0..8], pre-IV = privKey[8..16];
    // draft-reeder-snmpv3-usm-3desede-00 §5.1.1.1: 3DES key = privKey[0..24], pre-IV = privKey[24..32].
    private static int CbcKeyLength(SnmpPrivProtocol priv) => priv == SnmpPrivProtocol.Des ? 8 : 24;

    // RFC 3826 §3.1.2.1: the first 16 (24, 32) octets of the localized key are the AES key.
    private static int AesKeyLength(SnmpPrivProtocol priv) => SnmpSecurityProtocols.PrivKeyLength(priv);

    // RFC 3414 §8.1.1.1: IV = pre-IV XOR salt.
    private static void CbcIv(SnmpPrivProtocol priv, ReadOnlySpan<byte> privKey, ReadOnlySpan<byte> salt, Span<byte> iv)
    {
        var preIv = privKey.Slice(CbcKeyLength(priv), CbcBlockLength);
        for (var i = 0; i < CbcBlockLength; i++)
        {
            iv[i] = (byte)(preIv[i] ^ salt[i]);
        }
    }

    // RFC 3826 §3.1.2.1: IV = snmpEngineBoots (4 octets) ‖ snmpEngineTime (4 octets) ‖ salt (8 octets), big-endian.
    private static void AesIv(int engineBoots, int engineTime, ReadOnlySpan<byte> salt, Span<byte> iv)
    {
        BinaryPrimitives.WriteInt32BigEndian(iv, engineBoots);
        BinaryPrimitives.WriteInt32BigEndian(iv[4..], engineTime);
        salt.CopyTo(iv[8..]);
    }

    private static SymmetricAlgorithm CreateCbcCipher(SnmpPrivProtocol priv, ReadOnlySpan<byte> privKey)
    {
#pragma warning disable CA5351 // RFC 3414 §8 and draft-reeder-snmpv3-usm-3desede-00 mandate DES and 3DES for these protocols.
        SymmetricAlgorithm cipher = priv == SnmpPrivProtocol.Des ? DES.Create() : TripleDES.Create();
#pragma warning restore CA5351
        try
        {
            cipher.SetKey(privKey[..CbcKeyLength(priv)]);
            return cipher;
        }
        catch
        {
            cipher.Dispose();
            throw;
        }
    }

    private static byte[] EncryptCbc(SnmpPrivProtocol priv, ReadOnlySpan<byte> privKey, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> plaintext)
    {
        // RFC 3414 §8.1.1.2: pad to a multiple of 8 octets; the pad value is irrelevant, we use zeros.
        var paddedLength = (plaintext.Length + CbcBlockLength - 1) / CbcBlockLength * CbcBlockLength;
        var rented = ArrayPool<byte>.Shared.Rent(paddedLength);
        var padded = rented.AsSpan(0, paddedLength);
        try
        {
            plaintext.CopyTo(padded);
            padded[plaintext.Length..].Clear();
            using var cipher = CreateCbcCipher(priv, privKey);
            return cipher.EncryptCbc(padded, iv, PaddingMode.None);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(padded);
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static byte[] DecryptCbc(
        SnmpPrivProtocol priv,
        ReadOnlySpan<byte> privKey,
        ReadOnlySpan<byte> iv,
        ReadOnlySpan<byte> ciphertext)
    {
        using var cipher = CreateCbcCipher(priv, privKey);
        return cipher.DecryptCbc(ciphertext, iv, PaddingMode.None);
    }

    // CFB-128 is a stream mode: the platform wants whole 16-octet segments, so the input is zero-padded and the output
    // cut back to the input length; each output octet depends only on the octets before it, so the cut is exact.
    private static byte[] TransformAesCfb(bool encrypt, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input)
    {
        var paddedLength = (input.Length + AesBlockLength - 1) / AesBlockLength * AesBlockLength;
        var rentedInput = ArrayPool<byte>.Shared.Rent(paddedLength);
        var rentedOutput = ArrayPool<byte>.Shared.Rent(paddedLength);
        var paddedInput = rentedInput.AsSpan(0, paddedLength);
        var paddedOutput = rentedOutput.AsSpan(0, paddedLength);
        try
        {
            input.CopyTo(paddedInput);
            paddedInput[input.Length..].Clear();
            using var aes = Aes.Create();
            aes.SetKey(key);
            _ = encrypt
                ? aes.EncryptCfb(paddedInput, iv, paddedOutput, PaddingMode.None, feedbackSizeInBits: 128)
                : aes.DecryptCfb(paddedInput, iv, paddedOutput, PaddingMode.None, feedbackSizeInBits: 128);
            return paddedOutput[..input.Length].ToArray();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(paddedInput);
            CryptographicOperations.ZeroMemory(paddedOutput);
            ArrayPool<byte>.Shared.Return(rentedInput);
            ArrayPool<byte>.Shared.Return(rentedOutput);
        }
    }
}
