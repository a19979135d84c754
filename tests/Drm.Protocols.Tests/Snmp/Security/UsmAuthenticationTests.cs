using System.Security.Cryptography;
using Drm.Protocols.Snmp.Security;

namespace Drm.Protocols.Tests.Snmp.Security;

public sealed class UsmAuthenticationTests
{
    private const int AuthParamsOffset = 41;

    public static TheoryData<SnmpAuthProtocol> AuthProtocols() =>
    [
        SnmpAuthProtocol.Md5,
        SnmpAuthProtocol.Sha1,
        SnmpAuthProtocol.Sha224,
        SnmpAuthProtocol.Sha256,
        SnmpAuthProtocol.Sha384,
        SnmpAuthProtocol.Sha512,
    ];

    [Theory]
    [MemberData(nameof(AuthProtocols))]
    public void SignThenVerify_EachProtocol_Succeeds(SnmpAuthProtocol auth)
    {
        var key = Key(auth);
        var message = Message(auth);

        UsmAuthentication.Sign(auth, key, message, AuthParamsOffset);

        UsmAuthentication.Verify(auth, key, message, AuthParamsOffset).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(AuthProtocols))]
    public void Sign_EachProtocol_WritesTruncatedHmacOfZeroedMessageAndNothingElse(SnmpAuthProtocol auth)
    {
        var key = Key(auth);
        var message = Message(auth);
        var original = message.ToArray();
        var digestLength = SnmpSecurityProtocols.DigestLength(auth);

        UsmAuthentication.Sign(auth, key, message, AuthParamsOffset);

        // RFC 3414 §6.3.1 / RFC 7860: HMAC over the whole message with zeros in the field, first DigestLength octets.
        message.AsSpan(AuthParamsOffset, digestLength).ToArray().ShouldBe(ReferenceHmac(auth, key, original)[..digestLength]);
        message[..AuthParamsOffset].ShouldBe(original[..AuthParamsOffset]);
        message[(AuthParamsOffset + digestLength)..].ShouldBe(original[(AuthParamsOffset + digestLength)..]);
    }

    [Fact]
    public void Sign_FieldAlreadyHoldsAMac_ZeroesItFirstAndSignsTheSame()
    {
        var key = Key(SnmpAuthProtocol.Sha256);
        var once = Message(SnmpAuthProtocol.Sha256);
        UsmAuthentication.Sign(SnmpAuthProtocol.Sha256, key, once, AuthParamsOffset);
        var twice = once.ToArray();

        UsmAuthentication.Sign(SnmpAuthProtocol.Sha256, key, twice, AuthParamsOffset);

        twice.ShouldBe(once);
    }

    [Theory]
    [MemberData(nameof(AuthProtocols))]
    public void Verify_OneBitFlippedAnywhere_Fails(SnmpAuthProtocol auth)
    {
        var key = Key(auth);
        var message = Message(auth);
        UsmAuthentication.Sign(auth, key, message, AuthParamsOffset);

        foreach (var index in new[] { 0, AuthParamsOffset - 1, AuthParamsOffset, AuthParamsOffset + 5, message.Length - 1 })
        {
            var tampered = message.ToArray();
            tampered[index] ^= 0x01;

            UsmAuthentication.Verify(auth, key, tampered, AuthParamsOffset).ShouldBeFalse($"bit flipped at {index}");
        }
    }

    [Theory]
    [MemberData(nameof(AuthProtocols))]
    public void Verify_WrongKey_Fails(SnmpAuthProtocol auth)
    {
        var message = Message(auth);
        UsmAuthentication.Sign(auth, Key(auth), message, AuthParamsOffset);
        var otherKey = Key(auth);
        otherKey[^1] ^= 0x80;

        UsmAuthentication.Verify(auth, otherKey, message, AuthParamsOffset).ShouldBeFalse();
    }

    [Fact]
    public void Verify_ReceivedMessage_IsNotModified()
    {
        var key = Key(SnmpAuthProtocol.Sha1);
        var message = Message(SnmpAuthProtocol.Sha1);
        UsmAuthentication.Sign(SnmpAuthProtocol.Sha1, key, message, AuthParamsOffset);
        var received = message.ToArray();

        UsmAuthentication.Verify(SnmpAuthProtocol.Sha1, key, received, AuthParamsOffset);

        received.ShouldBe(message);
    }

    [Fact]
    public void SignAndVerify_NoAuth_ThrowArgumentException()
    {
        var message = new byte[64];

        Should.Throw<ArgumentException>(() => UsmAuthentication.Sign(SnmpAuthProtocol.None, [], message, 0));
        Should.Throw<ArgumentException>(() => UsmAuthentication.Verify(SnmpAuthProtocol.None, [], message, 0));
    }

    [Fact]
    public void SignAndVerify_KeyOfWrongLength_ThrowArgumentException()
    {
        var message = Message(SnmpAuthProtocol.Sha1);

        Should.Throw<ArgumentException>(() => UsmAuthentication.Sign(SnmpAuthProtocol.Sha1, new byte[16], message, AuthParamsOffset))
            .ParamName.ShouldBe("authKey");
        Should.Throw<ArgumentException>(() => UsmAuthentication.Verify(SnmpAuthProtocol.Sha1, new byte[16], message, AuthParamsOffset))
            .ParamName.ShouldBe("authKey");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(53)]
    [InlineData(1000)]
    public void SignAndVerify_FieldOutsideMessage_ThrowArgumentOutOfRange(int offset)
    {
        // 64 octets with a 12-octet field: the last valid offset is 52.
        var message = new byte[64];
        var key = Key(SnmpAuthProtocol.Md5);

        Should.Throw<ArgumentOutOfRangeException>(() => UsmAuthentication.Sign(SnmpAuthProtocol.Md5, key, message, offset));
        Should.Throw<ArgumentOutOfRangeException>(() => UsmAuthentication.Verify(SnmpAuthProtocol.Md5, key, message, offset));
    }

    [Fact]
    public void SignThenVerify_FieldAtVeryEnd_Succeeds()
    {
        var message = new byte[64];
        var key = Key(SnmpAuthProtocol.Md5);

        UsmAuthentication.Sign(SnmpAuthProtocol.Md5, key, message, 52);

        UsmAuthentication.Verify(SnmpAuthProtocol.Md5, key, message, 52).ShouldBeTrue();
    }

    // A localized key of the right length, different per protocol.
    private static byte[] Key(SnmpAuthProtocol auth)
    {
        var length = auth switch
        {
            SnmpAuthProtocol.Md5 => 16,
            SnmpAuthProtocol.Sha1 => 20,
            SnmpAuthProtocol.Sha224 => 28,
            SnmpAuthProtocol.Sha256 => 32,
            SnmpAuthProtocol.Sha384 => 48,
            _ => 64,
        };
        return Enumerable.Range(0, length).Select(i => (byte)((i * 31) + (int)auth)).ToArray();
    }

    // Stand-in for an encoded v3 message: arbitrary octets with DigestLength zeros at the field.
    private static byte[] Message(SnmpAuthProtocol auth)
    {
        var message = Enumerable.Range(0, 300).Select(i => (byte)((i * 17) + 3)).ToArray();
        message.AsSpan(AuthParamsOffset, SnmpSecurityProtocols.DigestLength(auth)).Clear();
        return message;
    }

    private static byte[] ReferenceHmac(SnmpAuthProtocol auth, byte[] key, byte[] data)
    {
        if (auth == SnmpAuthProtocol.Sha224)
        {
            // The BCL has no HMAC-SHA-224; ours is checked against RFC 4231 in Sha224Tests.
            var mac = new byte[28];
            HmacSha224.HashData(key, data, mac);
            return mac;
        }

        using HMAC hmac = auth switch
        {
            SnmpAuthProtocol.Md5 => new HMACMD5(key),
            SnmpAuthProtocol.Sha1 => new HMACSHA1(key),
            SnmpAuthProtocol.Sha256 => new HMACSHA256(key),
            SnmpAuthProtocol.Sha384 => new HMACSHA384(key),
            _ => new HMACSHA512(key),
        };
        return hmac.ComputeHash(data);
    }
}
