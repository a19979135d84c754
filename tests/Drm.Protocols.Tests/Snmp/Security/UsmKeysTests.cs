using System.Security.Cryptography;
using System.Text;
using Drm.Protocols.Snmp.Security;

namespace Drm.Protocols.Tests.Snmp.Security;

/// <summary>
/// Password to key and localization. MD5 and SHA-1 are RFC 3414 Appendix A.3 and A.5 verbatim; RFC 7860 publishes no
/// key vectors, so the SHA-2 rows were computed with Python's hashlib from the RFC 3414 §A.2 algorithm (an independent
/// implementation; the same values appear in other SNMP libraries' suites) and SHA-256/384/512 are also recomputed here
/// by a deliberately naive re-implementation.
/// </summary>
public sealed class UsmKeysTests
{
    // RFC 3414 Appendix A.3: the snmpEngineID every sample result is localized to.
    private static readonly byte[] RfcEngineId = Hex.Bytes("00 00 00 00 00 00 00 00 00 00 00 02");

    private static readonly byte[] MapleSyrup = "maplesyrup"u8.ToArray();

    [Theory]
    // RFC 3414 A.3.1 (MD5) and A.3.2 (SHA).
    [InlineData(SnmpAuthProtocol.Md5, "9f af 32 83 88 4e 92 83 4e bc 98 47 d8 ed d9 63")]
    [InlineData(SnmpAuthProtocol.Sha1, "9f b5 cc 03 81 49 7b 37 93 52 89 39 ff 78 8d 5d 79 14 52 11")]
    // Self-derived with Python hashlib (RFC 7860 gives no vectors).
    [InlineData(SnmpAuthProtocol.Sha224, "282a5867ee9aac639ad59df9572c7d3ac0fbc13a905b6df07dbbf00b")]
    [InlineData(SnmpAuthProtocol.Sha256, "ab51014d1e077f6017df2b12bee5f5aa72993177e9bb569c4dff5a4ca0b4afac")]
    [InlineData(
        SnmpAuthProtocol.Sha384,
        "e06eccdf2c68a06ed034723c9c26e0db3b669e1e2efed49150b55377a2e98f383c86fb836857444654b287c93f51ff64")]
    [InlineData(
        SnmpAuthProtocol.Sha512,
        "7e4396de5aadc77be853819b98c9406265b3a9c37cc3176569847a4e4f6fba63dd3a73d04924d31a63f95a601f9385af6be4ed1b37f87d040f7c6ed6f8d38a91")]
    public void PasswordToKey_MapleSyrup_MatchesKu(SnmpAuthProtocol auth, string expectedKu) =>
        Hex.Of(UsmKeys.PasswordToKey(auth, MapleSyrup)).ShouldBe(Hex.Normalize(expectedKu));

    [Theory]
    // RFC 3414 A.3.1 (MD5) and A.3.2 (SHA).
    [InlineData(SnmpAuthProtocol.Md5, "maplesyrup", "52 6f 5e ed 9f cc e2 6f 89 64 c2 93 07 87 d8 2b")]
    [InlineData(SnmpAuthProtocol.Sha1, "maplesyrup", "66 95 fe bc 92 88 e3 62 82 23 5f c7 15 1f 12 84 97 b3 8f 3f")]
    // RFC 3414 A.5.1 and A.5.2: the new key of the key-change samples, password "newsyrup".
    [InlineData(SnmpAuthProtocol.Md5, "newsyrup", "87 02 1d 7b d9 d1 01 ba 05 ea 6e 3b f9 d9 bd 4a")]
    [InlineData(SnmpAuthProtocol.Sha1, "newsyrup", "78 e2 dc ce 79 d5 94 03 b5 8c 1b ba a5 bf f4 63 91 f1 cd 25")]
    // Self-derived with Python hashlib (RFC 7860 gives no vectors).
    [InlineData(SnmpAuthProtocol.Sha224, "maplesyrup", "0bd8827c6e29f8065e08e09237f177e410f69b90e1782be682075674")]
    [InlineData(SnmpAuthProtocol.Sha256, "maplesyrup", "8982e0e549e866db361a6b625d84cccc11162d453ee8ce3a6445c2d6776f0f8b")]
    [InlineData(
        SnmpAuthProtocol.Sha384,
        "maplesyrup",
        "3b298f16164a11184279d5432bf169e2d2a48307de02b3d3f7e2b4f36eb6f0455a53689a3937eea07319a633d2ccba78")]
    [InlineData(
        SnmpAuthProtocol.Sha512,
        "maplesyrup",
        "22a5a36cedfcc085807a128d7bc6c2382167ad6c0dbc5fdff856740f3d84c099ad1ea87a8db096714d9788bd544047c9021e4229ce27e4c0a69250adfcffbb0b")]
    public void Localize_RfcEngineId_MatchesKul(SnmpAuthProtocol auth, string password, string expectedKul)
    {
        var ku = UsmKeys.PasswordToKey(auth, Encoding.UTF8.GetBytes(password));

        var kul = UsmKeys.Localize(auth, ku, RfcEngineId);

        Hex.Of(kul).ShouldBe(Hex.Normalize(expectedKul));
    }

    [Theory]
    [InlineData(SnmpAuthProtocol.Md5, 10)]
    [InlineData(SnmpAuthProtocol.Sha1, 8)]
    [InlineData(SnmpAuthProtocol.Sha256, 10)]
    [InlineData(SnmpAuthProtocol.Sha256, 13)]
    [InlineData(SnmpAuthProtocol.Sha256, 4097)]
    [InlineData(SnmpAuthProtocol.Sha256, 1_100_000)]
    [InlineData(SnmpAuthProtocol.Sha384, 33)]
    [InlineData(SnmpAuthProtocol.Sha512, 64)]
    public void PasswordToKeyThenLocalize_AnyPasswordLength_MatchesNaiveReimplementation(SnmpAuthProtocol auth, int passwordLength)
    {
        var password = new byte[passwordLength];
        for (var i = 0; i < password.Length; i++)
        {
            password[i] = (byte)('a' + (i * 7 % 26));
        }

        var engineId = Hex.Bytes("80 00 1f 88 80 5a 3c 11 22 33 44 55 66");

        var kul = UsmKeys.Localize(auth, UsmKeys.PasswordToKey(auth, password), engineId);

        kul.ShouldBe(NaiveLocalizedKey(auth, password, engineId));
    }

    [Theory]
    [InlineData(SnmpAuthProtocol.Md5)]
    [InlineData(SnmpAuthProtocol.Sha512)]
    public void PasswordToKey_PasswordShorterThanEightOctets_ThrowsArgumentException(SnmpAuthProtocol auth)
    {
        Should.Throw<ArgumentException>(() => UsmKeys.PasswordToKey(auth, "1234567"u8)).ParamName.ShouldBe("password");
        UsmKeys.PasswordToKey(auth, "12345678"u8).Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void PasswordToKey_NoAuth_ThrowsArgumentException() =>
        Should.Throw<ArgumentException>(() => UsmKeys.PasswordToKey(SnmpAuthProtocol.None, MapleSyrup));

    [Fact]
    public void Localize_KeyOfWrongLength_ThrowsArgumentException() =>
        Should.Throw<ArgumentException>(() => UsmKeys.Localize(SnmpAuthProtocol.Sha1, new byte[16], RfcEngineId)).ParamName.ShouldBe("key");

    [Fact]
    public void Localize_EmptyEngineId_ThrowsArgumentException() =>
        Should.Throw<ArgumentException>(() => UsmKeys.Localize(SnmpAuthProtocol.Md5, new byte[16], [])).ParamName.ShouldBe("engineId");

    [Fact]
    public void Localize_OtherEngine_GivesOtherKey()
    {
        var ku = UsmKeys.PasswordToKey(SnmpAuthProtocol.Sha256, MapleSyrup);

        UsmKeys.Localize(SnmpAuthProtocol.Sha256, ku, RfcEngineId)
            .ShouldNotBe(UsmKeys.Localize(SnmpAuthProtocol.Sha256, ku, Hex.Bytes("00 00 00 00 00 00 00 00 00 00 00 03")));
    }

    // The RFC 3414 §A.2 algorithm as plainly as it can be written: a 1 MiB buffer of the repeated password, one hash,
    // then H(Ku ‖ engineID ‖ Ku). Uses the BCL directly, none of the code under test.
    private static byte[] NaiveLocalizedKey(SnmpAuthProtocol auth, byte[] password, byte[] engineId)
    {
        var name = auth switch
        {
            SnmpAuthProtocol.Md5 => HashAlgorithmName.MD5,
            SnmpAuthProtocol.Sha1 => HashAlgorithmName.SHA1,
            SnmpAuthProtocol.Sha256 => HashAlgorithmName.SHA256,
            SnmpAuthProtocol.Sha384 => HashAlgorithmName.SHA384,
            _ => HashAlgorithmName.SHA512,
        };
        var expanded = new byte[1_048_576];
        for (var i = 0; i < expanded.Length; i++)
        {
            expanded[i] = password[i % password.Length];
        }

        using var hash = IncrementalHash.CreateHash(name);
        hash.AppendData(expanded);
        var ku = hash.GetHashAndReset();
        hash.AppendData(ku);
        hash.AppendData(engineId);
        hash.AppendData(ku);
        return hash.GetHashAndReset();
    }
}
