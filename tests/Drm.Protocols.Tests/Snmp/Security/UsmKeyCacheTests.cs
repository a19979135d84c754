using System.Text;
using Drm.Protocols.Snmp.Security;

namespace Drm.Protocols.Tests.Snmp.Security;

public sealed class UsmKeyCacheTests
{
    private static readonly byte[] EngineId = Hex.Bytes("80 00 1f 88 80 e9 63 00 00 d6 1f f4 49");

    [Fact]
    public void GetOrCreate_AuthPriv_MatchesUsmKeys()
    {
        var sut = new UsmKeyCache();

        var keys = sut.GetOrCreate("admin", SnmpAuthProtocol.Sha256, "authpass123", SnmpPrivProtocol.Aes256, "privpass456", EngineId);

        var ku = UsmKeys.PasswordToKey(SnmpAuthProtocol.Sha256, "authpass123"u8);
        keys.AuthKey.ShouldBe(UsmKeys.Localize(SnmpAuthProtocol.Sha256, ku, EngineId));
        keys.PrivKey.ShouldBe(UsmKeys.LocalizedPrivKey(SnmpAuthProtocol.Sha256, SnmpPrivProtocol.Aes256, "privpass456"u8, EngineId));
    }

    [Theory]
    [InlineData(SnmpAuthProtocol.Md5, SnmpPrivProtocol.Des)]
    [InlineData(SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes256Reeder)]
    [InlineData(SnmpAuthProtocol.Sha224, SnmpPrivProtocol.Aes256)]
    public void GetOrCreate_SamePasswordForAuthAndPriv_MatchesUsmKeys(SnmpAuthProtocol auth, SnmpPrivProtocol priv)
    {
        var sut = new UsmKeyCache();

        var keys = sut.GetOrCreate("u", auth, "maplesyrup", priv, "maplesyrup", EngineId);

        keys.AuthKey.ShouldBe(UsmKeys.Localize(auth, UsmKeys.PasswordToKey(auth, "maplesyrup"u8), EngineId));
        keys.PrivKey.ShouldBe(UsmKeys.LocalizedPrivKey(auth, priv, "maplesyrup"u8, EngineId));
    }

    [Fact]
    public void GetOrCreate_NonAsciiPassword_IsEncodedAsUtf8()
    {
        var sut = new UsmKeyCache();

        var keys = sut.GetOrCreate("u", SnmpAuthProtocol.Sha1, "pässwörd-ü", SnmpPrivProtocol.None, null, EngineId);

        var ku = UsmKeys.PasswordToKey(SnmpAuthProtocol.Sha1, Encoding.UTF8.GetBytes("pässwörd-ü"));
        keys.AuthKey.ShouldBe(UsmKeys.Localize(SnmpAuthProtocol.Sha1, ku, EngineId));
    }

    [Fact]
    public void GetOrCreate_NoAuthNoPriv_ReturnsEmptyKeys()
    {
        var sut = new UsmKeyCache();

        var keys = sut.GetOrCreate("public", SnmpAuthProtocol.None, null, SnmpPrivProtocol.None, null, []);

        keys.AuthKey.ShouldBeEmpty();
        keys.PrivKey.ShouldBeEmpty();
    }

    [Fact]
    public void GetOrCreate_AuthNoPriv_ReturnsEmptyPrivKey()
    {
        var sut = new UsmKeyCache();

        var keys = sut.GetOrCreate("u", SnmpAuthProtocol.Md5, "maplesyrup", SnmpPrivProtocol.None, "ignored!", EngineId);

        keys.AuthKey.Length.ShouldBe(16);
        keys.PrivKey.ShouldBeEmpty();
    }

    [Fact]
    public void GetOrCreate_SameArgumentsTwice_DerivesOnceAndReturnsIndependentCopies()
    {
        var sut = new UsmKeyCache();
        var first = sut.GetOrCreate("u", SnmpAuthProtocol.Sha1, "maplesyrup", SnmpPrivProtocol.Aes128, "syrupmaple", EngineId);
        var expectedAuth = first.AuthKey.ToArray();

        // A caller clearing its copy, as it should, must not clear the cache's.
        Array.Clear(first.AuthKey);
        var second = sut.GetOrCreate("u", SnmpAuthProtocol.Sha1, "maplesyrup", SnmpPrivProtocol.Aes128, "syrupmaple", EngineId);

        sut.Count.ShouldBe(1);
        second.AuthKey.ShouldBe(expectedAuth);
        second.AuthKey.ShouldNotBeSameAs(first.AuthKey);
    }

    [Fact]
    public void GetOrCreate_AnyFieldDiffers_IsAnotherEntry()
    {
        var sut = new UsmKeyCache();

        var baseline = sut.GetOrCreate("u", SnmpAuthProtocol.Sha1, "maplesyrup", SnmpPrivProtocol.Aes128, "syrupmaple", EngineId);
        var otherEngine = sut.GetOrCreate(
            "u", SnmpAuthProtocol.Sha1, "maplesyrup", SnmpPrivProtocol.Aes128, "syrupmaple", [.. EngineId, 0x01]);
        var otherAuthPassword = sut.GetOrCreate("u", SnmpAuthProtocol.Sha1, "maplesyrup!", SnmpPrivProtocol.Aes128, "syrupmaple", EngineId);
        var otherPrivPassword = sut.GetOrCreate("u", SnmpAuthProtocol.Sha1, "maplesyrup", SnmpPrivProtocol.Aes128, "syrupmaple!", EngineId);
        var otherPriv = sut.GetOrCreate("u", SnmpAuthProtocol.Sha1, "maplesyrup", SnmpPrivProtocol.Aes256, "syrupmaple", EngineId);
        _ = sut.GetOrCreate("v", SnmpAuthProtocol.Sha1, "maplesyrup", SnmpPrivProtocol.Aes128, "syrupmaple", EngineId);

        sut.Count.ShouldBe(6);
        otherEngine.AuthKey.ShouldNotBe(baseline.AuthKey);
        otherAuthPassword.AuthKey.ShouldNotBe(baseline.AuthKey);
        otherPrivPassword.AuthKey.ShouldBe(baseline.AuthKey);
        otherPrivPassword.PrivKey.ShouldNotBe(baseline.PrivKey);
        otherPriv.PrivKey.Length.ShouldBe(32);
    }

    [Fact]
    public void GetOrCreate_PastCapacity_EvictsLeastRecentlyUsed()
    {
        var sut = new UsmKeyCache(capacity: 4);
        for (var i = 0; i < 4; i++)
        {
            sut.GetOrCreate($"user{i}", SnmpAuthProtocol.Md5, "maplesyrup", SnmpPrivProtocol.None, null, EngineId);
        }

        // user0 is used again, so user1 is now the least recently used.
        sut.GetOrCreate("user0", SnmpAuthProtocol.Md5, "maplesyrup", SnmpPrivProtocol.None, null, EngineId);
        sut.GetOrCreate("user4", SnmpAuthProtocol.Md5, "maplesyrup", SnmpPrivProtocol.None, null, EngineId);

        sut.Count.ShouldBe(4);
        Holds(sut, "user1").ShouldBeFalse();
        Holds(sut, "user0").ShouldBeTrue();
        Holds(sut, "user2").ShouldBeTrue();
        Holds(sut, "user4").ShouldBeTrue();
    }

    [Fact]
    public void GetOrCreate_ManyEntries_StaysWithinCapacity()
    {
        var sut = new UsmKeyCache(capacity: 20);

        for (var i = 0; i < 60; i++)
        {
            sut.GetOrCreate("u", SnmpAuthProtocol.None, null, SnmpPrivProtocol.None, null, [(byte)i]);
            sut.GetOrCreate($"user{i}", SnmpAuthProtocol.None, null, SnmpPrivProtocol.None, null, []);
        }

        sut.Count.ShouldBeLessThanOrEqualTo(20);
    }

    [Fact]
    public async Task GetOrCreate_ConcurrentCallers_ShareOneEntryAndAgree()
    {
        var sut = new UsmKeyCache();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(
            () => sut.GetOrCreate("u", SnmpAuthProtocol.Sha512, "maplesyrup", SnmpPrivProtocol.Aes192, "syrupmaple", EngineId),
            TestContext.Current.CancellationToken)));

        sut.Count.ShouldBe(1);
        foreach (var keys in results)
        {
            keys.AuthKey.ShouldBe(results[0].AuthKey);
            keys.PrivKey.ShouldBe(results[0].PrivKey);
        }
    }

    [Fact]
    public void GetOrCreate_PrivWithoutAuth_ThrowsArgumentException()
    {
        var sut = new UsmKeyCache();

        Should.Throw<ArgumentException>(
            () => sut.GetOrCreate("u", SnmpAuthProtocol.None, null, SnmpPrivProtocol.Des, "maplesyrup", EngineId));
    }

    [Theory]
    [InlineData(null, "maplesyrup", "authPassword")]
    [InlineData("short", "maplesyrup", "authPassword")]
    [InlineData("maplesyrup", null, "privPassword")]
    [InlineData("maplesyrup", "1234567", "privPassword")]
    public void GetOrCreate_MissingOrShortPassword_ThrowsAndCachesNothing(string? authPassword, string? privPassword, string parameter)
    {
        var sut = new UsmKeyCache();

        Should.Throw<ArgumentException>(
            () => sut.GetOrCreate("u", SnmpAuthProtocol.Sha1, authPassword, SnmpPrivProtocol.Aes128, privPassword, EngineId))
            .ParamName.ShouldBe(parameter);
        sut.Count.ShouldBe(0);
    }

    [Fact]
    public void GetOrCreate_EmptyEngineIdWithAuth_ThrowsArgumentException()
    {
        var sut = new UsmKeyCache();

        Should.Throw<ArgumentException>(() => sut.GetOrCreate("u", SnmpAuthProtocol.Sha1, "maplesyrup", SnmpPrivProtocol.None, null, []))
            .ParamName.ShouldBe("engineId");
    }

    [Fact]
    public void Constructor_CapacityBelowOne_ThrowsArgumentOutOfRange() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new UsmKeyCache(0));

    private static bool Holds(UsmKeyCache cache, string userName) =>
        cache.Contains(userName, SnmpAuthProtocol.Md5, "maplesyrup", SnmpPrivProtocol.None, null, EngineId);
}
