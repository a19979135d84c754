using Drm.Mib.Smi;

namespace Drm.Mib.Tests.Smi;

public sealed class MibFormatterTests
{
    private static readonly MibFormatter Formatter = new(MibCorpus.Get().Tree);

    private static MibNode Node(string fullName)
    {
        var (module, name) = (fullName.Split("::")[0], fullName.Split("::")[1]);
        return MibCorpus.Get().Tree.Find(module, name) ?? throw new InvalidOperationException(fullName + " is not in the corpus tree");
    }

    [Theory]
    [InlineData("1.3.6.1.2.1.2.2.1.2.3", "IF-MIB::ifDescr.3")]
    [InlineData("1.3.6.1.2.1.1.5.0", "SNMPv2-MIB::sysName.0")]
    [InlineData("1.3.6.1.2.1.2.2", "IF-MIB::ifTable")]
    // vacmGroupName: INDEX { vacmSecurityModel, vacmSecurityName } with a length-prefixed string.
    [InlineData("1.3.6.1.6.3.16.1.2.1.3.3.5.97.100.109.105.110", "SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3.\"admin\"")]
    // snmpTargetAddrTDomain: INDEX { IMPLIED snmpTargetAddrName }, no length prefix.
    [InlineData("1.3.6.1.6.3.12.1.2.1.2.110.109.115", "SNMP-TARGET-MIB::snmpTargetAddrTDomain.\"nms\"")]
    // ifXTable AUGMENTS ifEntry, so its index is ifIndex.
    [InlineData("1.3.6.1.2.1.31.1.1.1.1.7", "IF-MIB::ifName.7")]
    public void Name_OfAnOid_IsModuleNameAndDecodedIndex(string oid, string expected)
    {
        Formatter.Name(oid.Split('.').Select(uint.Parse).ToArray()).ShouldBe(expected);
    }

    [Theory]
    [InlineData("IF-MIB::ifDescr.3", "1.3.6.1.2.1.2.2.1.2.3")]
    [InlineData("ifDescr.3", "1.3.6.1.2.1.2.2.1.2.3")]
    [InlineData("IF-MIB::ifTable", "1.3.6.1.2.1.2.2")]
    [InlineData(".1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.5.0")]
    public void Resolve_TurnsNamesIntoOids(string text, string expected)
    {
        string.Join('.', Formatter.Resolve(text)!).ShouldBe(expected);
    }

    [Theory]
    [InlineData("NO-SUCH-MIB::ifDescr")]
    [InlineData("noSuchObjectAnywhere")]
    [InlineData("ifDescr.x")]
    public void Resolve_OfAnUnknownName_IsNull(string text)
    {
        Formatter.Resolve(text).ShouldBeNull();
    }

    [Fact]
    public void Integers_ShowTheirEnumerationLabels()
    {
        Formatter.FormatInteger(Node("IF-MIB::ifAdminStatus"), 1).ShouldBe("up(1)");
        Formatter.FormatInteger(Node("IF-MIB::ifAdminStatus"), 42).ShouldBe("42");
        Formatter.FormatInteger(Node("IF-MIB::ifMtu"), 1500).ShouldBe("1500");
    }

    [Fact]
    public void Octets_FollowTheDisplayHintOfTheirTextualConvention()
    {
        Formatter.FormatOctets(Node("IF-MIB::ifPhysAddress"), [0x00, 0x1A, 0x2B, 0x3C, 0x4D, 0x5E]).ShouldBe("0:1a:2b:3c:4d:5e");
        Formatter.FormatOctets(Node("HOST-RESOURCES-MIB::hrSystemDate"), [0x07, 0xE8, 0x01, 0x0F, 0x0D, 0x1E, 0x0F, 0x00, (byte)'+', 0x01, 0x00])
            .ShouldBe("2024-1-15,13:30:15.0,+1:0");
        Formatter.FormatOctets(Node("IF-MIB::ifDescr"), "eth0"u8.ToArray()).ShouldBe("eth0");
    }

    [Theory]
    [InlineData("1x:", new byte[] { 0x00, 0x1A, 0xFF }, "0:1a:ff")]
    [InlineData("1d.1d.1d.1d", new byte[] { 192, 0, 2, 1 }, "192.0.2.1")]
    [InlineData("255a", new byte[] { 0x61, 0x62 }, "ab")]
    [InlineData("255t", new byte[] { 0xC3, 0xBC }, "ü")]
    [InlineData("*1x:/1x:", new byte[] { 2, 0xAA, 0xBB, 0xCC }, "aa:bb/cc")]
    [InlineData("2d", new byte[] { 0x01, 0x00, 0x02 }, "2562")]
    public void OctetHints_FollowRfc2579(string hint, byte[] value, string expected)
    {
        DisplayHint.TryFormatOctets(hint, value, out var text).ShouldBeTrue();
        text.ShouldBe(expected);
    }

    [Theory]
    [InlineData("d-2", 1234, "12.34")]
    [InlineData("d-2", -5, "-0.05")]
    [InlineData("x", 255, "ff")]
    [InlineData("o", 8, "10")]
    [InlineData("b", 5, "101")]
    [InlineData("d", 7, "7")]
    public void IntegerHints_FollowRfc2579(string hint, long value, string expected)
    {
        DisplayHint.FormatInteger(hint, value).ShouldBe(expected);
    }

    [Fact]
    public void AModuleWhoseImportArrivesLater_ResolvesThen()
    {
        var diagnostics = new List<MibDiagnostic>();
        var child = MibParser.Parse("""
            CHILD-MIB DEFINITIONS ::= BEGIN
            IMPORTS parentRoot FROM PARENT-MIB;
            childNode OBJECT IDENTIFIER ::= { parentRoot 7 }
            END
            """, null, diagnostics);
        var parent = MibParser.Parse("""
            PARENT-MIB DEFINITIONS ::= BEGIN
            IMPORTS enterprises FROM SNMPv2-SMI;
            parentRoot OBJECT IDENTIFIER ::= { enterprises 99999 }
            END
            """, null, diagnostics);

        var alone = MibTree.Build(child);
        alone.UnresolvedImports.ShouldHaveSingleItem().ShouldBe(new MibUnresolvedImport("CHILD-MIB", "PARENT-MIB", "parentRoot", true, 2, 20));
        alone.Find("CHILD-MIB", "childNode").ShouldBeNull();

        var together = MibTree.Build([.. child, .. parent]);
        together.UnresolvedImports.ShouldBeEmpty();
        together.Find("CHILD-MIB", "childNode")!.OidText.ShouldBe("1.3.6.1.4.1.99999.7");
        diagnostics.ShouldBeEmpty();
    }
}
