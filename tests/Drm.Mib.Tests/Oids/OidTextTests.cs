using Drm.Mib.Oids;

namespace Drm.Mib.Tests.Oids;

public sealed class OidTextTests
{
    [Theory]
    [InlineData("1.3.6.1.2.1.2.2.1.2.3", new uint[] { 1, 3, 6, 1, 2, 1, 2, 2, 1, 2, 3 })]
    [InlineData(".1.3.6.1", new uint[] { 1, 3, 6, 1 })]
    [InlineData("0", new uint[] { 0 })]
    [InlineData("1.3.4294967295", new uint[] { 1, 3, 4294967295 })]
    public void TryParse_DottedDecimal_GivesTheArcs(string text, uint[] expected)
    {
        OidText.TryParse(text, out var arcs).ShouldBeTrue();

        arcs.ShouldBe(expected);
        OidText.Format(arcs).ShouldBe(text.TrimStart('.'));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("1..3")]
    [InlineData("1.3.")]
    [InlineData("1.-3")]
    [InlineData("1.+3")]
    [InlineData("1. 3")]
    [InlineData("1.3.4294967296")]
    [InlineData("IF-MIB::ifDescr")]
    public void TryParse_NotAnOid_ReturnsFalse(string text) => OidText.TryParse(text, out _).ShouldBeFalse();
}
