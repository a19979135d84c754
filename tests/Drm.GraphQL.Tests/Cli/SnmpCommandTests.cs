using Drm.GraphQL.Cli;
using Drm.Protocols.Snmp;
using Drm.TestUtils;

namespace Drm.GraphQL.Tests.Cli;

/// <summary><c>drm snmp …</c> against the simulated agent, as an engineer would run it.</summary>
public sealed class SnmpCommandTests
{
    private static readonly SnmpRecording Recording = SnmpRecording.FromEntries(
    [
        new VarBind(ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0"), SnmpValue.OctetString("Test box")),
        new VarBind(ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(4242)),
        new VarBind(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.6.1"), SnmpValue.OctetString([0, 0x1B, 0x21, 0xAB, 0xCD, 0xEF])),
        new VarBind(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.10.1"), SnmpValue.Counter32(7)),
        new VarBind(ObjectIdentifier.Parse("1.3.6.1.2.1.31.1.1.1.6.1"), SnmpValue.Counter64(9)),
    ]);

    [Fact]
    public async Task Get_PrintsNetSnmpStyleLines()
    {
        await using var agent = SimulatedAgent.Start(Recording, community: "secret");
        using var output = new StringWriter();

        var exit = await SnmpCommand.RunAsync(["get", "-v", "2c", "-c", "secret", agent.EndPoints[0].ToString(), "1.3.6.1.2.1.1.1.0", ".1.3.6.1.2.1.1.3.0"], output);

        exit.ShouldBe(0);
        output.ToString().ShouldBe(".1.3.6.1.2.1.1.1.0 = STRING: \"Test box\"\n.1.3.6.1.2.1.1.3.0 = Timeticks: 4242\n");
    }

    [Fact]
    public async Task Bulkwalk_PrintsTheSubtree_WithHexForBinaryOctets()
    {
        await using var agent = SimulatedAgent.Start(Recording);
        using var output = new StringWriter();

        await SnmpCommand.RunAsync(["bulkwalk", "-cpublic", "-Cr2", $"udp:{agent.EndPoints[0]}", "1.3.6.1.2.1.2"], output);

        output.ToString().ShouldBe(".1.3.6.1.2.1.2.2.1.6.1 = Hex-STRING: 00 1B 21 AB CD EF\n.1.3.6.1.2.1.2.2.1.10.1 = Counter32: 7\n");
    }

    [Fact]
    public async Task WrongCommunity_TimesOutWithExitCode1()
    {
        await using var agent = SimulatedAgent.Start(Recording, community: "right");

        var exit = await SnmpCommand.RunAsync(["get", "-c", "wrong", "-t", "0.2", "-r", "0", agent.EndPoints[0].ToString(), "1.3.6.1.2.1.1.1.0"], TextWriter.Null);

        exit.ShouldBe(1);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1:161")]
    [InlineData("127.0.0.1:1161", "127.0.0.1:1161")]
    [InlineData("udp:127.0.0.1:1161", "127.0.0.1:1161")]
    [InlineData("udp6:[::1]:1161", "[::1]:1161")]
    [InlineData("::1", "[::1]:161")]
    public void AgentAddress_AcceptsNetSnmpForms(string text, string expected) =>
        SnmpCommand.ParseEndPoint(text).ToString().ShouldBe(expected);

    [Fact]
    public async Task BadArguments_AreAUsageError()
    {
        await Should.ThrowAsync<CliException>(() => SnmpCommand.RunAsync(["get", "127.0.0.1"], TextWriter.Null));
        await Should.ThrowAsync<CliException>(() => SnmpCommand.RunAsync(["frobnicate", "127.0.0.1", "1.3"], TextWriter.Null));
        await Should.ThrowAsync<CliException>(() => SnmpCommand.RunAsync(["get", "-v", "3", "127.0.0.1", "1.3.6"], TextWriter.Null));
    }
}
