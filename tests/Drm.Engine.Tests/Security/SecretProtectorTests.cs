using System.Security.Cryptography;
using Drm.Engine.Security;

namespace Drm.Engine.Tests.Security;

public sealed class SecretProtectorTests
{
    private readonly SecretProtector _sut = SecretProtector.FromKeyText(new string('a', 64));

    [Fact]
    public void Protect_ThenUnprotect_ReturnsThePlaintext_WithAFreshNonceEachTime()
    {
        var first = _sut.Protect("pässword", "t/1/f");
        var second = _sut.Protect("pässword", "t/1/f");

        first.ShouldNotBe(second);
        _sut.Unprotect(first, "t/1/f").ShouldBe("pässword");
    }

    [Fact]
    public void Unprotect_TamperedOrOtherPurposeOrOtherKey_Throws()
    {
        var sealedValue = _sut.Protect("secret", "t/1/f");
        var tampered = (byte[])sealedValue.Clone();
        tampered[^1] ^= 1;

        Should.Throw<CryptographicException>(() => _sut.Unprotect(tampered, "t/1/f"));
        Should.Throw<CryptographicException>(() => _sut.Unprotect(sealedValue, "t/2/f"));
        Should.Throw<CryptographicException>(() => SecretProtector.FromKeyText(new string('b', 64)).Unprotect(sealedValue, "t/1/f"));
        Should.Throw<CryptographicException>(() => _sut.Unprotect(sealedValue[..10], "t/1/f"));
    }

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64 at all")]
    public void FromKeyText_KeyThatIsNot32Bytes_Throws(string key) =>
        Assert.ThrowsAny<Exception>(() => SecretProtector.FromKeyText(key));
}
