using System.Text;
using Drm.Protocols.Snmp.Security;

namespace Drm.Protocols.Tests.Snmp.Security;

/// <summary>Our SHA-224 and HMAC-SHA-224 (the BCL has neither) against the published vectors.</summary>
public sealed class Sha224Tests
{
    [Theory]
    // FIPS 180-2 Appendix B (SHA-224 examples, also in RFC 6234 §8.5): "abc" and the 448-bit message.
    [InlineData("abc", "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525")]
    // The empty message (NIST CAVP short-message vector, Len = 0).
    [InlineData("", "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f")]
    public void HashData_PublishedVector_MatchesDigest(string message, string expected)
    {
        var digest = new byte[Sha224.HashSizeInBytes];

        Sha224.HashData(Encoding.ASCII.GetBytes(message), digest);

        Hex.Of(digest).ShouldBe(expected);
    }

    [Fact]
    public void Append_MillionAsInOddChunks_MatchesFips180Vector()
    {
        // FIPS 180-2 Appendix B.3: one million repetitions of "a"; fed in uneven pieces to cross block boundaries.
        using var sut = new Sha224();
        var data = Encoding.ASCII.GetBytes(new string('a', 1_000_000));
        var offset = 0;
        var step = 1;
        while (offset < data.Length)
        {
            var take = Math.Min(step, data.Length - offset);
            sut.Append(data.AsSpan(offset, take));
            offset += take;
            step = (step * 7 % 131) + 1;
        }

        var digest = new byte[Sha224.HashSizeInBytes];
        sut.GetHashAndReset(digest);

        Hex.Of(digest).ShouldBe("20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67");
    }

    [Fact]
    public void GetHashAndReset_CalledTwice_StartsAfresh()
    {
        using var sut = new Sha224();
        var first = new byte[Sha224.HashSizeInBytes];
        var second = new byte[Sha224.HashSizeInBytes];

        sut.Append("abc"u8);
        sut.GetHashAndReset(first);
        sut.Append("abc"u8);
        sut.GetHashAndReset(second);

        second.ShouldBe(first);
    }

    [Theory]
    // RFC 4231 §4.2 test case 1 and §4.3 test case 2.
    [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "Hi There", "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22")]
    [InlineData("4a656665", "what do ya want for nothing?", "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44")]
    public void HmacHashData_Rfc4231Vector_MatchesMac(string keyHex, string data, string expected)
    {
        var mac = new byte[Sha224.HashSizeInBytes];

        HmacSha224.HashData(Convert.FromHexString(keyHex), Encoding.ASCII.GetBytes(data), mac);

        Hex.Of(mac).ShouldBe(expected);
    }

    [Fact]
    public void HmacHashData_KeyLongerThanBlock_MatchesRfc4231TestCase6()
    {
        // RFC 4231 §4.7: a 131-octet key of 0xaa is hashed before use.
        var key = Enumerable.Repeat((byte)0xaa, 131).ToArray();
        var mac = new byte[Sha224.HashSizeInBytes];

        HmacSha224.HashData(key, "Test Using Larger Than Block-Size Key - Hash Key First"u8, mac);

        Hex.Of(mac).ShouldBe("95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e");
    }
}
