using System.Text;
using Drm.Protocols.Snmp.Security;

namespace Drm.Protocols.Tests.Snmp.Security;

/// <summary>
/// Interoperability samples from net-snmp 5.9.3 (Debian bookworm): snmpd was started once with <c>createUser</c> lines and
/// stopped, and these are the localized keys it persisted as <c>usmUser</c> rows. They pin our key extensions to what
/// net-snmp's <c>AES-192</c>/<c>AES-256</c> (Blumenthal) and <c>AES-192-C</c>/<c>AES-256-C</c> (Reeder) send on the wire.
/// </summary>
public sealed class UsmKeysNetSnmpTests
{
    private const string EngineA = "80001f888011cbb876a16e0a6b00000000";
    private const string EngineB = "80001f888033866e15ab6e0a6b00000000";

    [Theory]
    // createUser u1 SHA "maplesyrup" AES-256 "maplesyrup"
    [InlineData(EngineA, SnmpAuthProtocol.Sha1, "maplesyrup", SnmpPrivProtocol.Aes256, "maplesyrup",
        "a008983a515a1cd6143c5712f308d2e8f6e1aa90", "a008983a515a1cd6143c5712f308d2e8f6e1aa900321c5b2233ddaf4195b33b5")]
    // createUser u2 MD5 "maplesyrup" AES-256 "maplesyrup"
    [InlineData(EngineA, SnmpAuthProtocol.Md5, "maplesyrup", SnmpPrivProtocol.Aes256, "maplesyrup",
        "1e47f6d211e545880610d42faa9d3563", "1e47f6d211e545880610d42faa9d3563701acebb522e599a9c72aaa131f102b2")]
    // createUser u3 SHA "maplesyrup" AES-192 "otherpass123"
    [InlineData(EngineA, SnmpAuthProtocol.Sha1, "maplesyrup", SnmpPrivProtocol.Aes192, "otherpass123",
        "a008983a515a1cd6143c5712f308d2e8f6e1aa90", "44d136ddaa28c58bba1599d0f41257491ececea38a7111f1")]
    // createUser u4 SHA-224 "maplesyrup" AES-256 "maplesyrup"
    [InlineData(EngineA, SnmpAuthProtocol.Sha224, "maplesyrup", SnmpPrivProtocol.Aes256, "maplesyrup",
        "72fcc8398b1c573c34a216aa6053e20b25e36be17c233c0e0bb173b6", "72fcc8398b1c573c34a216aa6053e20b25e36be17c233c0e0bb173b6f2bb2f60")]
    // createUser u5 SHA-256 "maplesyrup" AES "maplesyrup"
    [InlineData(EngineA, SnmpAuthProtocol.Sha256, "maplesyrup", SnmpPrivProtocol.Aes128, "maplesyrup",
        "c6a0f0b066dbf18738e35ede48b8e595ed13c8129b4ddc5188de45e4333d282e", "c6a0f0b066dbf18738e35ede48b8e595")]
    // createUser u6 MD5 "maplesyrup" DES "maplesyrup"
    [InlineData(EngineA, SnmpAuthProtocol.Md5, "maplesyrup", SnmpPrivProtocol.Des, "maplesyrup",
        "1e47f6d211e545880610d42faa9d3563", "1e47f6d211e545880610d42faa9d3563")]
    // createUser r1 SHA "maplesyrup" AES-256-C "maplesyrup"
    [InlineData(EngineB, SnmpAuthProtocol.Sha1, "maplesyrup", SnmpPrivProtocol.Aes256Reeder, "maplesyrup",
        "14568f2627d774b0e7e53b1fb74232f0686812d3", "14568f2627d774b0e7e53b1fb74232f0686812d351cc66248d9f12e7a89e94f1")]
    // createUser r2 MD5 "maplesyrup" AES-192-C "maplesyrup"
    [InlineData(EngineB, SnmpAuthProtocol.Md5, "maplesyrup", SnmpPrivProtocol.Aes192Reeder, "maplesyrup",
        "e2e88019ad2bd0f2a0048b507a28b2bc", "e2e88019ad2bd0f2a0048b507a28b2bcde1fde5b557c776e")]
    public void Keys_NetSnmpCreateUser_MatchPersistedUsmUser(
        string engineId,
        SnmpAuthProtocol auth,
        string authPassword,
        SnmpPrivProtocol priv,
        string privPassword,
        string expectedAuthKey,
        string expectedPrivKey)
    {
        var engine = Convert.FromHexString(engineId);

        var authKey = UsmKeys.Localize(auth, UsmKeys.PasswordToKey(auth, Encoding.UTF8.GetBytes(authPassword)), engine);
        var privKey = UsmKeys.LocalizedPrivKey(auth, priv, Encoding.UTF8.GetBytes(privPassword), engine);
        var cached = new UsmKeyCache().GetOrCreate("u", auth, authPassword, priv, privPassword, engine);

        Hex.Of(authKey).ShouldBe(expectedAuthKey);
        Hex.Of(privKey).ShouldBe(expectedPrivKey);
        Hex.Of(cached.AuthKey).ShouldBe(expectedAuthKey);
        Hex.Of(cached.PrivKey).ShouldBe(expectedPrivKey);
    }
}
