using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Drm.Protocols.Snmp.Security;

namespace Drm.Protocols.Tests.Snmp.Security;

public sealed class UsmPrivacyTests
{
    private const int Boots = 7;
    private const int Time = 123_456;

    public static TheoryData<SnmpPrivProtocol, int> ProtocolsAndLengths()
    {
        var data = new TheoryData<SnmpPrivProtocol, int>();
        foreach (var priv in PrivProtocols())
        {
            foreach (var length in new[] { 1, 7, 8, 9, 16, 17, 100, 1500 })
            {
                data.Add(priv, length);
            }
        }

        return data;
    }

    public static TheoryData<SnmpPrivProtocol> Protocols() => new(PrivProtocols());

    [Theory]
    [MemberData(nameof(ProtocolsAndLengths))]
    public void EncryptThenDecrypt_EachProtocol_RoundTrips(SnmpPrivProtocol priv, int length)
    {
        var key = Key(priv);
        var scopedPdu = Plaintext(length);

        var ciphertext = UsmPrivacy.Encrypt(priv, key, Boots, Time, scopedPdu, out var privParameters);
        var decrypted = UsmPrivacy.Decrypt(priv, key, Boots, Time, privParameters, ciphertext);

        privParameters.Length.ShouldBe(8);
        if (IsCbc(priv))
        {
            // RFC 3414 §8.1.1.2: padded to whole 8-octet blocks; the padding comes back after the scopedPDU.
            ciphertext.Length.ShouldBe((length + 7) / 8 * 8);
            decrypted[..length].ShouldBe(scopedPdu);
        }
        else
        {
            // RFC 3826 §3.1.3: CFB needs no padding.
            ciphertext.Length.ShouldBe(length);
            decrypted.ShouldBe(scopedPdu);
        }

        // The salt is fresh per message, so a short ciphertext equals its plaintext by chance (1 in 256 for one
        // octet); from four octets on that chance is negligible.
        if (length >= 4)
        {
            ciphertext[..Math.Min(8, length)].ShouldNotBe(scopedPdu[..Math.Min(8, length)]);
        }
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Encrypt_TwoMessages_UseDifferentSaltsAndCiphertexts(SnmpPrivProtocol priv)
    {
        var key = Key(priv);
        var scopedPdu = Plaintext(40);

        var first = UsmPrivacy.Encrypt(priv, key, Boots, Time, scopedPdu, out var firstSalt);
        var second = UsmPrivacy.Encrypt(priv, key, Boots, Time, scopedPdu, out var secondSalt);

        secondSalt.ShouldNotBe(firstSalt);
        second.ShouldNotBe(first);
    }

    [Theory]
    [InlineData(SnmpPrivProtocol.Des)]
    [InlineData(SnmpPrivProtocol.TripleDes)]
    public void Encrypt_Cbc_SaltIsBootsThenCounterAndIvIsPreIvXorSalt(SnmpPrivProtocol priv)
    {
        var key = Key(priv);
        var scopedPdu = Plaintext(21);

        var ciphertext = UsmPrivacy.Encrypt(priv, key, Boots, Time, scopedPdu, out var salt);

        // RFC 3414 §8.1.1.1: salt = snmpEngineBoots ‖ local integer; IV = pre-IV XOR salt. Decrypted here with the BCL.
        BinaryPrimitives.ReadInt32BigEndian(salt).ShouldBe(Boots);
        var keyLength = priv == SnmpPrivProtocol.Des ? 8 : 24;
        var iv = key.AsSpan(keyLength, 8).ToArray().Zip(salt, (p, s) => (byte)(p ^ s)).ToArray();
        using SymmetricAlgorithm cipher = priv == SnmpPrivProtocol.Des ? DES.Create() : TripleDES.Create();
        cipher.Key = key[..keyLength];
        var plain = cipher.DecryptCbc(ciphertext, iv, PaddingMode.None);
        plain[..21].ShouldBe(scopedPdu);
        plain[21..].ShouldAllBe(b => b == 0);
    }

    [Theory]
    [InlineData(SnmpPrivProtocol.Aes128)]
    [InlineData(SnmpPrivProtocol.Aes192)]
    [InlineData(SnmpPrivProtocol.Aes256Reeder)]
    public void Encrypt_Aes_IsCfb128WithBootsTimeSaltIv(SnmpPrivProtocol priv)
    {
        var key = Key(priv);
        var scopedPdu = Plaintext(37);

        var ciphertext = UsmPrivacy.Encrypt(priv, key, Boots, Time, scopedPdu, out var salt);

        // RFC 3826 §3.1.2.1 and §3.1.3: IV = boots ‖ time ‖ salt; C_i = P_i XOR E(C_{i-1}), C_0 = IV. Recomputed from
        // single-block AES-ECB so neither the IV layout nor CFB's segment size is taken on trust.
        var iv = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(iv, Boots);
        BinaryPrimitives.WriteInt32BigEndian(iv.AsSpan(4), Time);
        salt.CopyTo(iv, 8);
        using var aes = Aes.Create();
        aes.Key = key;
        var expected = new byte[scopedPdu.Length];
        var feedback = iv;
        for (var offset = 0; offset < scopedPdu.Length; offset += 16)
        {
            var keystream = aes.EncryptEcb(feedback, PaddingMode.None);
            var count = Math.Min(16, scopedPdu.Length - offset);
            for (var i = 0; i < count; i++)
            {
                expected[offset + i] = (byte)(scopedPdu[offset + i] ^ keystream[i]);
            }

            feedback = expected.AsSpan(offset, count).ToArray();
        }

        ciphertext.ShouldBe(expected);
    }

    [Fact]
    public void Decrypt_DesFips81CbcExample_RecoversPlaintext()
    {
        // FIPS 81 Appendix C (CBC): key 0123456789abcdef, IV 1234567890abcdef, "Now is the time for all ".
        // With a zero salt the IV is the pre-IV itself (RFC 3414 §8.1.1.1).
        var privKey = Hex.Bytes("0123456789abcdef 1234567890abcdef");
        var ciphertext = Hex.Bytes("e5c7cdde872bf27c 43e934008c389c0f 683788499a7c05f6");

        var plaintext = UsmPrivacy.Decrypt(SnmpPrivProtocol.Des, privKey, 0, 0, new byte[8], ciphertext);

        Encoding.ASCII.GetString(plaintext).ShouldBe("Now is the time for all ");
    }

    [Theory]
    // NIST SP 800-38A F.3.14, F.3.16, F.3.18 (CFB128-AES decrypt). The IV 000102…0f is boots 0x00010203, time
    // 0x04050607 and salt 08090a0b0c0d0e0f (RFC 3826 §3.1.2.1). 20 octets: a block and a partial one.
    [InlineData(SnmpPrivProtocol.Aes128, "2b7e151628aed2a6abf7158809cf4f3c", "3b3fd92eb72dad20333449f8e83cfb4ac8a64537")]
    [InlineData(SnmpPrivProtocol.Aes192, "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "cdc80d6fddf18cab34c25909c99a417467ce7f7f")]
    [InlineData(
        SnmpPrivProtocol.Aes256,
        "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
        "dc7e84bfda79164b7ecd8486985d386039ffed14")]
    public void Decrypt_AesSp80038aCfb128Vector_RecoversPlaintext(SnmpPrivProtocol priv, string key, string ciphertext)
    {
        var plaintext = UsmPrivacy.Decrypt(
            priv,
            Hex.Bytes(key),
            0x00010203,
            0x04050607,
            Hex.Bytes("08090a0b0c0d0e0f"),
            Hex.Bytes(ciphertext));

        Hex.Of(plaintext).ShouldBe("6bc1bee22e409f96e93d7e117393172aae2d8a57");
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Decrypt_WrongKey_GivesGarbage(SnmpPrivProtocol priv)
    {
        var scopedPdu = Plaintext(64);
        var ciphertext = UsmPrivacy.Encrypt(priv, Key(priv), Boots, Time, scopedPdu, out var privParameters);
        var wrongKey = Key(priv);
        wrongKey[0] ^= 0x02;

        var decrypted = UsmPrivacy.Decrypt(priv, wrongKey, Boots, Time, privParameters, ciphertext);

        decrypted[..64].ShouldNotBe(scopedPdu);
    }

    [Theory]
    [InlineData(SnmpPrivProtocol.Aes128)]
    [InlineData(SnmpPrivProtocol.Aes256)]
    public void Decrypt_AesWithOtherEngineTime_GivesGarbage(SnmpPrivProtocol priv)
    {
        var key = Key(priv);
        var scopedPdu = Plaintext(32);
        var ciphertext = UsmPrivacy.Encrypt(priv, key, Boots, Time, scopedPdu, out var privParameters);

        UsmPrivacy.Decrypt(priv, key, Boots, Time + 1, privParameters, ciphertext).ShouldNotBe(scopedPdu);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Decrypt_PrivParametersNotEightOctets_ThrowsCryptographicException(SnmpPrivProtocol priv)
    {
        var key = Key(priv);
        var ciphertext = UsmPrivacy.Encrypt(priv, key, Boots, Time, Plaintext(16), out _);

        foreach (var length in new[] { 0, 7, 9, 16 })
        {
            Should.Throw<CryptographicException>(() => UsmPrivacy.Decrypt(priv, key, Boots, Time, new byte[length], ciphertext));
        }
    }

    [Theory]
    [InlineData(SnmpPrivProtocol.Des, 12)]
    [InlineData(SnmpPrivProtocol.Des, 1)]
    [InlineData(SnmpPrivProtocol.TripleDes, 15)]
    public void Decrypt_CbcCiphertextNotWholeBlocks_ThrowsCryptographicException(SnmpPrivProtocol priv, int length) =>
        Should.Throw<CryptographicException>(() => UsmPrivacy.Decrypt(priv, Key(priv), Boots, Time, new byte[8], new byte[length]));

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Decrypt_EmptyCiphertext_ThrowsCryptographicException(SnmpPrivProtocol priv) =>
        Should.Throw<CryptographicException>(() => UsmPrivacy.Decrypt(priv, Key(priv), Boots, Time, new byte[8], []));

    [Fact]
    public void EncryptAndDecrypt_NoPriv_ThrowArgumentException()
    {
        Should.Throw<ArgumentException>(() => UsmPrivacy.Encrypt(SnmpPrivProtocol.None, [], Boots, Time, Plaintext(8), out _));
        Should.Throw<ArgumentException>(() => UsmPrivacy.Decrypt(SnmpPrivProtocol.None, [], Boots, Time, new byte[8], new byte[8]));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void EncryptAndDecrypt_KeyTooShort_ThrowArgumentException(SnmpPrivProtocol priv)
    {
        var shortKey = Key(priv)[..^1];

        Should.Throw<ArgumentException>(() => UsmPrivacy.Encrypt(priv, shortKey, Boots, Time, Plaintext(8), out _))
            .ParamName.ShouldBe("privKey");
        Should.Throw<ArgumentException>(() => UsmPrivacy.Decrypt(priv, shortKey, Boots, Time, new byte[8], new byte[8]))
            .ParamName.ShouldBe("privKey");
    }

    [Fact]
    public void Encrypt_NegativeBootsOrTime_ThrowsArgumentOutOfRange()
    {
        var key = Key(SnmpPrivProtocol.Aes128);

        Should.Throw<ArgumentOutOfRangeException>(() => UsmPrivacy.Encrypt(SnmpPrivProtocol.Aes128, key, -1, Time, Plaintext(8), out _));
        Should.Throw<ArgumentOutOfRangeException>(() => UsmPrivacy.Encrypt(SnmpPrivProtocol.Aes128, key, Boots, -1, Plaintext(8), out _));
    }

    [Fact]
    public void Encrypt_EmptyScopedPdu_ThrowsArgumentException() =>
        Should.Throw<ArgumentException>(
            () => UsmPrivacy.Encrypt(SnmpPrivProtocol.Aes128, Key(SnmpPrivProtocol.Aes128), Boots, Time, [], out _));

    [Fact]
    public void EncryptThenDecrypt_DerivedKeys_RoundTripsAcrossProtocols()
    {
        // The path the message layer takes: a password-derived key, not just random bytes.
        var engineId = Hex.Bytes("80001f8880e9630000d61ff449");
        foreach (var priv in PrivProtocols())
        {
            var key = UsmKeys.LocalizedPrivKey(SnmpAuthProtocol.Sha1, priv, "privpass123"u8, engineId);
            var scopedPdu = Plaintext(50);

            var ciphertext = UsmPrivacy.Encrypt(priv, key, Boots, Time, scopedPdu, out var salt);

            UsmPrivacy.Decrypt(priv, key, Boots, Time, salt, ciphertext)[..50].ShouldBe(scopedPdu, priv.ToString());
        }
    }

    private static SnmpPrivProtocol[] PrivProtocols() =>
    [
        SnmpPrivProtocol.Des,
        SnmpPrivProtocol.TripleDes,
        SnmpPrivProtocol.Aes128,
        SnmpPrivProtocol.Aes192,
        SnmpPrivProtocol.Aes256,
        SnmpPrivProtocol.Aes192Reeder,
        SnmpPrivProtocol.Aes256Reeder,
    ];

    private static bool IsCbc(SnmpPrivProtocol priv) => priv is SnmpPrivProtocol.Des or SnmpPrivProtocol.TripleDes;

    // A fixed key of the protocol's length; its three 3DES sub-keys differ, so the platform accepts it.
    private static byte[] Key(SnmpPrivProtocol priv) =>
        Enumerable.Range(0, SnmpSecurityProtocols.PrivKeyLength(priv)).Select(i => (byte)((i * 37) + 11)).ToArray();

    // A stand-in scopedPDU: a SEQUENCE header and counting octets.
    private static byte[] Plaintext(int length) =>
        Enumerable.Range(0, length).Select(i => i == 0 ? (byte)0x30 : (byte)(i * 13)).ToArray();
}
