using System.Security.Cryptography;
using Drm.Protocols.Snmp.Security;

namespace Drm.Protocols.Tests.Snmp.Security;

/// <summary>
/// <see cref="UsmKeys.LocalizedPrivKey"/>: cutting the localized key for DES and AES-128, and the two key extensions
/// for 3DES and AES-192/256. Published samples: draft-reeder-snmpv3-usm-3desede-00 Appendix B.1/B.2 (Reeder,
/// "maplesyrup", MD5 and SHA) and draft-blumenthal-aes-usm-04 Appendix A.1 (Blumenthal, SHA, AES-256).
/// </summary>
public sealed class UsmPrivKeyTests
{
    private static readonly byte[] RfcEngineId = Hex.Bytes("00 00 00 00 00 00 00 00 00 00 00 02");

    private static readonly byte[] MapleSyrup = "maplesyrup"u8.ToArray();

    // RFC 3414 A.3.1 and A.3.2.
    private const string Md5Kul = "526f5eed9fcce26f8964c2930787d82b";
    private const string Sha1Kul = "6695febc9288e36282235fc7151f128497b38f3f";

    // draft-reeder-snmpv3-usm-3desede-00 B.1 (32 octets). B.2 prints 40 octets for SHA,
    // 6695febc9288e36282235fc7151f128497b38f3f 9b8b6d78936ba6e7d19dfd9cd2d5065547743fb5, of which 3DES uses 32.
    private const string ReederMd5 = "526f5eed9fcce26f8964c2930787d82b79eff44a90650ee0a3a40abfac5acc12";

    // draft-blumenthal-aes-usm-04 A.1: Kul ‖ H(Kul) cut to 32 octets, SHA.
    private const string BlumenthalSha1 = "6695febc9288e36282235fc7151f128497b38f3f505e07eb9af25568fa1f5dbe";

    [Theory]
    // RFC 3414 §8.1.1.1: DES takes the first 16 octets (key and pre-IV); RFC 3826 §3.1.2.1: AES-128 the first 16.
    [InlineData(SnmpAuthProtocol.Md5, SnmpPrivProtocol.Des, Md5Kul)]
    [InlineData(SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Des, "6695febc9288e36282235fc7151f1284")]
    [InlineData(SnmpAuthProtocol.Md5, SnmpPrivProtocol.Aes128, Md5Kul)]
    [InlineData(SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes128, "6695febc9288e36282235fc7151f1284")]
    // draft-reeder B.1 and B.2, for 3DES and for the Reeder-keyed AES variants Cisco ships.
    [InlineData(SnmpAuthProtocol.Md5, SnmpPrivProtocol.TripleDes, ReederMd5)]
    [InlineData(SnmpAuthProtocol.Sha1, SnmpPrivProtocol.TripleDes, "6695febc9288e36282235fc7151f128497b38f3f9b8b6d78936ba6e7d19dfd9c")]
    [InlineData(SnmpAuthProtocol.Md5, SnmpPrivProtocol.Aes256Reeder, ReederMd5)]
    [InlineData(SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes256Reeder, "6695febc9288e36282235fc7151f128497b38f3f9b8b6d78936ba6e7d19dfd9c")]
    [InlineData(SnmpAuthProtocol.Md5, SnmpPrivProtocol.Aes192Reeder, "526f5eed9fcce26f8964c2930787d82b79eff44a90650ee0")]
    [InlineData(SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes192Reeder, "6695febc9288e36282235fc7151f128497b38f3f9b8b6d78")]
    // draft-blumenthal A.1, and its 24-octet prefix for AES-192.
    [InlineData(SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes256, BlumenthalSha1)]
    [InlineData(SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes192, "6695febc9288e36282235fc7151f128497b38f3f505e07eb")]
    public void LocalizedPrivKey_MapleSyrup_MatchesPublishedSample(SnmpAuthProtocol auth, SnmpPrivProtocol priv, string expected) =>
        Hex.Of(UsmKeys.LocalizedPrivKey(auth, priv, MapleSyrup, RfcEngineId)).ShouldBe(expected);

    [Theory]
    // Self-checks computed with Python's hashlib from the two drafts' algorithms (no published sample for these).
    [InlineData(SnmpAuthProtocol.Md5, SnmpPrivProtocol.Aes256, "526f5eed9fcce26f8964c2930787d82bfa24a92467426c2f4b09192be10dfaec")]
    [InlineData(SnmpAuthProtocol.Sha224, SnmpPrivProtocol.Aes256, "0bd8827c6e29f8065e08e09237f177e410f69b90e1782be682075674e82d9bf0")]
    [InlineData(SnmpAuthProtocol.Sha224, SnmpPrivProtocol.Aes256Reeder, "0bd8827c6e29f8065e08e09237f177e410f69b90e1782be68207567422c34be4")]
    // SHA-256 and longer need no extension: both methods cut Kul to 32 octets.
    [InlineData(SnmpAuthProtocol.Sha256, SnmpPrivProtocol.Aes256, "8982e0e549e866db361a6b625d84cccc11162d453ee8ce3a6445c2d6776f0f8b")]
    [InlineData(SnmpAuthProtocol.Sha256, SnmpPrivProtocol.Aes256Reeder, "8982e0e549e866db361a6b625d84cccc11162d453ee8ce3a6445c2d6776f0f8b")]
    [InlineData(SnmpAuthProtocol.Sha256, SnmpPrivProtocol.TripleDes, "8982e0e549e866db361a6b625d84cccc11162d453ee8ce3a6445c2d6776f0f8b")]
    [InlineData(SnmpAuthProtocol.Sha512, SnmpPrivProtocol.Aes192, "22a5a36cedfcc085807a128d7bc6c2382167ad6c0dbc5fdf")]
    public void LocalizedPrivKey_MapleSyrup_MatchesIndependentComputation(SnmpAuthProtocol auth, SnmpPrivProtocol priv, string expected) =>
        Hex.Of(UsmKeys.LocalizedPrivKey(auth, priv, MapleSyrup, RfcEngineId)).ShouldBe(expected);

    [Theory]
    [InlineData(SnmpAuthProtocol.Md5, SnmpPrivProtocol.Aes192, SnmpPrivProtocol.Aes192Reeder, 24)]
    [InlineData(SnmpAuthProtocol.Md5, SnmpPrivProtocol.Aes256, SnmpPrivProtocol.Aes256Reeder, 32)]
    [InlineData(SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes192, SnmpPrivProtocol.Aes192Reeder, 24)]
    [InlineData(SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes256, SnmpPrivProtocol.Aes256Reeder, 32)]
    public void LocalizedPrivKey_BlumenthalAndReeder_ShareKulAndDifferAfterIt(
        SnmpAuthProtocol auth,
        SnmpPrivProtocol blumenthal,
        SnmpPrivProtocol reeder,
        int length)
    {
        var hashLength = auth == SnmpAuthProtocol.Md5 ? 16 : 20;
        var kul = UsmKeys.Localize(auth, UsmKeys.PasswordToKey(auth, MapleSyrup), RfcEngineId);

        var blumenthalKey = UsmKeys.LocalizedPrivKey(auth, blumenthal, MapleSyrup, RfcEngineId);
        var reederKey = UsmKeys.LocalizedPrivKey(auth, reeder, MapleSyrup, RfcEngineId);

        blumenthalKey.Length.ShouldBe(length);
        reederKey.Length.ShouldBe(length);
        blumenthalKey[..hashLength].ShouldBe(kul);
        reederKey[..hashLength].ShouldBe(kul);
        blumenthalKey[hashLength..].ShouldNotBe(reederKey[hashLength..]);
    }

    [Fact]
    public void LocalizedPrivKey_BlumenthalSha1_IsKulThenHashOfKul()
    {
        // draft-blumenthal-aes-usm-04 §3.1.2.1 step 3a, recomputed with the BCL alone.
        var kul = Hex.Bytes(Sha1Kul);
        var expected = kul.Concat(SHA1.HashData(kul)).Take(32).ToArray();

        UsmKeys.LocalizedPrivKey(SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes256, MapleSyrup, RfcEngineId).ShouldBe(expected);
    }

    [Fact]
    public void LocalizedPrivKey_NoPriv_ReturnsEmpty() =>
        UsmKeys.LocalizedPrivKey(SnmpAuthProtocol.Sha1, SnmpPrivProtocol.None, MapleSyrup, RfcEngineId).ShouldBeEmpty();

    [Fact]
    public void LocalizedPrivKey_PrivWithoutAuth_ThrowsArgumentException() =>
        Should.Throw<ArgumentException>(
            () => UsmKeys.LocalizedPrivKey(SnmpAuthProtocol.None, SnmpPrivProtocol.Aes128, MapleSyrup, RfcEngineId))
            .ParamName.ShouldBe("auth");

    [Fact]
    public void LocalizedPrivKey_ShortPassword_ThrowsArgumentException() =>
        Should.Throw<ArgumentException>(
            () => UsmKeys.LocalizedPrivKey(SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Des, "short"u8, RfcEngineId));

    [Fact]
    public void LocalizedPrivKey_EmptyEngineId_ThrowsArgumentException() =>
        Should.Throw<ArgumentException>(
            () => UsmKeys.LocalizedPrivKey(SnmpAuthProtocol.Sha1, SnmpPrivProtocol.TripleDes, MapleSyrup, []));
}
