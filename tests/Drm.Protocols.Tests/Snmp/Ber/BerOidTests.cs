using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Ber;

namespace Drm.Protocols.Tests.Snmp.Ber;

public sealed class BerOidTests
{
    [Theory]
    [InlineData("06082B06010201010100", "1.3.6.1.2.1.1.1.0")]
    [InlineData("0603000000", "0.0.0.0")]
    [InlineData("06027F00", "2.47.0")]
    [InlineData("060A2B060104018F65048F7F", "1.3.6.1.4.1.2021.4.2047")]
    // Sub-identifier 2^32-1.
    [InlineData("06062B8FFFFFFF7F", "1.3.4294967295")]
    public void Oid_RoundTrips(string hex, string text)
    {
        var reader = new BerReader(Convert.FromHexString(hex));
        reader.ReadOid().ToString().ShouldBe(text);

        using var writer = new BerWriter();
        writer.WriteOid(ObjectIdentifier.Parse(text));
        Convert.ToHexString(writer.WrittenSpan).ShouldBe(hex);
    }

    [Theory]
    [InlineData("06022B86")] // last octet continues
    [InlineData("06062B9080808000")] // 2^32: one past the largest sub-identifier
    [InlineData("0600")] // empty
    public void ReadValue_MalformedOid_IsInvalidOnItsVarbind(string hex) =>
        new BerReader(Convert.FromHexString(hex)).ReadValue().Type.ShouldBe(SnmpType.Invalid);

    [Fact]
    public void ObjectIdentifier_OrdersLexicographically()
    {
        var oids = new[] { "1.3.6.1.2.1.2", "1.3.6.1.2.1.10", "1.3.6.1.2.1.2.1", "1.3.6.1" }.Select(ObjectIdentifier.Parse).ToList();

        oids.Sort();

        oids.Select(o => o.ToString()).ShouldBe(["1.3.6.1", "1.3.6.1.2.1.2", "1.3.6.1.2.1.2.1", "1.3.6.1.2.1.10"]);
        ObjectIdentifier.Parse("1.3.6.1.2.1.2.1").StartsWith(ObjectIdentifier.Parse("1.3.6.1.2.1.2")).ShouldBeTrue();
        ObjectIdentifier.Parse("1.3.6.1.2.1.20").StartsWith(ObjectIdentifier.Parse("1.3.6.1.2.1.2")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("3")]
    [InlineData("3.1")]
    [InlineData("1.40")]
    public void WriteOid_NotEncodable_ThrowsArgumentException(string text)
    {
        using var writer = new BerWriter();
        Should.Throw<ArgumentException>(() => writer.WriteOid(ObjectIdentifier.Parse(text)));
    }
}
