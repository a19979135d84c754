using Drm.Protocols.Snmp.Security;

namespace Drm.Protocols.Tests.Snmp.Security;

public sealed class SnmpSecurityProtocolsTests
{
    [Theory]
    [InlineData(null, SnmpAuthProtocol.None)]
    [InlineData("", SnmpAuthProtocol.None)]
    [InlineData("  ", SnmpAuthProtocol.None)]
    [InlineData("none", SnmpAuthProtocol.None)]
    [InlineData("MD5", SnmpAuthProtocol.Md5)]
    [InlineData("md5", SnmpAuthProtocol.Md5)]
    [InlineData("SHA", SnmpAuthProtocol.Sha1)]
    [InlineData("SHA1", SnmpAuthProtocol.Sha1)]
    [InlineData("SHA-1", SnmpAuthProtocol.Sha1)]
    [InlineData("SHA224", SnmpAuthProtocol.Sha224)]
    [InlineData("SHA-224", SnmpAuthProtocol.Sha224)]
    [InlineData("SHA256", SnmpAuthProtocol.Sha256)]
    [InlineData("SHA-256", SnmpAuthProtocol.Sha256)]
    [InlineData("sha-256", SnmpAuthProtocol.Sha256)]
    [InlineData("SHA384", SnmpAuthProtocol.Sha384)]
    [InlineData("SHA-384", SnmpAuthProtocol.Sha384)]
    [InlineData("SHA512", SnmpAuthProtocol.Sha512)]
    [InlineData(" SHA-512 ", SnmpAuthProtocol.Sha512)]
    public void ParseAuth_KnownSpelling_ReturnsProtocol(string? text, SnmpAuthProtocol expected) =>
        SnmpSecurityProtocols.ParseAuth(text).ShouldBe(expected);

    [Theory]
    [InlineData("SHA3")]
    [InlineData("HMAC")]
    [InlineData("AES")]
    [InlineData("SHA-257")]
    public void ParseAuth_UnknownSpelling_ThrowsArgumentException(string text) =>
        Should.Throw<ArgumentException>(() => SnmpSecurityProtocols.ParseAuth(text)).Message.ShouldContain(text);

    [Theory]
    [InlineData(null, SnmpPrivProtocol.None)]
    [InlineData("", SnmpPrivProtocol.None)]
    [InlineData("NONE", SnmpPrivProtocol.None)]
    [InlineData("DES", SnmpPrivProtocol.Des)]
    [InlineData("des", SnmpPrivProtocol.Des)]
    [InlineData("3DES", SnmpPrivProtocol.TripleDes)]
    [InlineData("AES", SnmpPrivProtocol.Aes128)]
    [InlineData("AES128", SnmpPrivProtocol.Aes128)]
    [InlineData("AES-128", SnmpPrivProtocol.Aes128)]
    [InlineData("AES192", SnmpPrivProtocol.Aes192)]
    [InlineData("AES-192", SnmpPrivProtocol.Aes192)]
    [InlineData("AES256", SnmpPrivProtocol.Aes256)]
    [InlineData("AES-256", SnmpPrivProtocol.Aes256)]
    [InlineData("AES192C", SnmpPrivProtocol.Aes192Reeder)]
    [InlineData("AES-192-C", SnmpPrivProtocol.Aes192Reeder)]
    [InlineData("AES256C", SnmpPrivProtocol.Aes256Reeder)]
    [InlineData("aes-256-c", SnmpPrivProtocol.Aes256Reeder)]
    public void ParsePriv_KnownSpelling_ReturnsProtocol(string? text, SnmpPrivProtocol expected) =>
        SnmpSecurityProtocols.ParsePriv(text).ShouldBe(expected);

    [Theory]
    [InlineData("AES512")]
    [InlineData("DES3X")]
    [InlineData("MD5")]
    [InlineData("AES-256-D")]
    public void ParsePriv_UnknownSpelling_ThrowsArgumentException(string text) =>
        Should.Throw<ArgumentException>(() => SnmpSecurityProtocols.ParsePriv(text)).Message.ShouldContain(text);

    [Fact]
    public void ParseAuthAndPriv_EveryStoredSpelling_IsAccepted()
    {
        // The spellings CredentialService stores must all parse, or a saved credential could never be used.
        foreach (var stored in new[] { "MD5", "SHA", "SHA224", "SHA256", "SHA384", "SHA512" })
        {
            SnmpSecurityProtocols.ParseAuth(stored).ShouldNotBe(SnmpAuthProtocol.None);
        }

        foreach (var stored in new[] { "DES", "3DES", "AES", "AES192", "AES256", "AES192C", "AES256C" })
        {
            SnmpSecurityProtocols.ParsePriv(stored).ShouldNotBe(SnmpPrivProtocol.None);
        }
    }

    [Theory]
    [InlineData(SnmpAuthProtocol.None, 0)]
    [InlineData(SnmpAuthProtocol.Md5, 12)]
    [InlineData(SnmpAuthProtocol.Sha1, 12)]
    [InlineData(SnmpAuthProtocol.Sha224, 16)]
    [InlineData(SnmpAuthProtocol.Sha256, 24)]
    [InlineData(SnmpAuthProtocol.Sha384, 32)]
    [InlineData(SnmpAuthProtocol.Sha512, 48)]
    public void DigestLength_EachProtocol_MatchesRfc7860(SnmpAuthProtocol auth, int expected) =>
        SnmpSecurityProtocols.DigestLength(auth).ShouldBe(expected);

    [Theory]
    [InlineData(SnmpPrivProtocol.None, 0)]
    [InlineData(SnmpPrivProtocol.Des, 16)]
    [InlineData(SnmpPrivProtocol.TripleDes, 32)]
    [InlineData(SnmpPrivProtocol.Aes128, 16)]
    [InlineData(SnmpPrivProtocol.Aes192, 24)]
    [InlineData(SnmpPrivProtocol.Aes256, 32)]
    [InlineData(SnmpPrivProtocol.Aes192Reeder, 24)]
    [InlineData(SnmpPrivProtocol.Aes256Reeder, 32)]
    public void PrivKeyLength_EachProtocol_IsKeyPlusPreIvOrAesKeySize(SnmpPrivProtocol priv, int expected) =>
        SnmpSecurityProtocols.PrivKeyLength(priv).ShouldBe(expected);

    [Fact]
    public void DigestLengthAndPrivKeyLength_UndefinedValue_ThrowArgumentOutOfRange()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SnmpSecurityProtocols.DigestLength((SnmpAuthProtocol)99));
        Should.Throw<ArgumentOutOfRangeException>(() => SnmpSecurityProtocols.PrivKeyLength((SnmpPrivProtocol)99));
    }
}
