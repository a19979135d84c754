using System.Net;
using System.Text;
using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Pdus;
using Drm.Protocols.Snmp.Security;
using Drm.TestUtils;

namespace Drm.Protocols.Tests.Snmp.Interop;

/// <summary>Our engine against Debian's net-snmp agent, checked against net-snmp's own tools in the same run.</summary>
public sealed class NetSnmpInteropTests(SnmpdFixture fixture) : IClassFixture<SnmpdFixture>
{
    private static readonly ObjectIdentifier SysDescr = ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0");

    // Subtrees that change under our feet: process and socket tables (the tools' own sockets), memory, CPU load, counters.
    private static readonly string[] Volatile =
    [
        "1.3.6.1.2.1.25", "1.3.6.1.2.1.6", "1.3.6.1.2.1.7", "1.3.6.1.2.1.4.31", "1.3.6.1.2.1.5", "1.3.6.1.2.1.11",
        "1.3.6.1.4.1.2021", "1.3.6.1.2.1.2.2.1.10", "1.3.6.1.2.1.2.2.1.11", "1.3.6.1.2.1.2.2.1.16", "1.3.6.1.2.1.2.2.1.17",
        "1.3.6.1.2.1.31.1.1.1", "1.3.6.1.6.3.15.1.1", "1.3.6.1.2.1.1.3", "1.3.6.1.6.3.10.2.1.3", "1.3.6.1.2.1.4.24", "1.3.6.1.2.1.4.35",
        "1.3.6.1.2.1.4.34", "1.3.6.1.2.1.4.22", "1.3.6.1.2.1.10",
    ];

    [Fact]
    public async Task BulkWalk_OfTheWholeTree_EqualsSnmpbulkwalk()
    {
        var before = await NetSnmpTools.BulkWalkAsync(Target, ["-v2c", "-c", SnmpdServer.ReadCommunity], "1.3.6.1");
        var ours = await WalkAsync(V2c(), "1.3.6.1");
        var after = await NetSnmpTools.BulkWalkAsync(Target, ["-v2c", "-c", SnmpdServer.ReadCommunity], "1.3.6.1");

        ours.Count.ShouldBeGreaterThan(1000);
        // Everything net-snmp saw in both of its walks (so not changing meanwhile) we saw too, with the same type and value.
        var stable = before.Intersect(after).Where(v => !Volatile.Any(p => (v.Oid + ".").StartsWith(p + ".", StringComparison.Ordinal))).ToList();
        stable.Count.ShouldBeGreaterThan(500);
        var mine = ours.Select(NetSnmpTools.FromOurs).ToHashSet();
        stable.Where(v => !mine.Contains(v)).ShouldBeEmpty();
        // And the same OIDs in the same order outside the volatile subtrees.
        static IEnumerable<string> Steady(IEnumerable<NetSnmpVarBind> walk) =>
            walk.Select(v => v.Oid).Where(o => !Volatile.Any(p => (o + ".").StartsWith(p + ".", StringComparison.Ordinal)));
        Steady(ours.Select(NetSnmpTools.FromOurs)).ShouldBe(Steady(before));
    }

    [Fact]
    public async Task Get_ManyOids_MatchesSnmpget()
    {
        string[] oids = ["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.4.0", "1.3.6.1.2.1.1.7.0", "1.3.6.1.2.1.2.1.0"];

        var ours = await new SnmpClient(fixture.Transport, V2c()).GetAsync(oids.Select(ObjectIdentifier.Parse).ToList());
        var theirs = await NetSnmpTools.GetAsync(Target, ["-v2c", "-c", SnmpdServer.ReadCommunity], oids);

        ours.Select(NetSnmpTools.FromOurs).ShouldBe(theirs);
    }

    [Fact]
    public async Task Set_String_RoundTripsThroughNetSnmp_AndAWrongTypeIsAnError()
    {
        var writer = new SnmpClient(fixture.Transport, V2c() with { Community = Encoding.ASCII.GetBytes(SnmpdServer.WriteCommunity) });
        var location = ObjectIdentifier.Parse("1.3.6.1.2.1.1.6.0");

        await writer.SetAsync([new VarBind(location, SnmpValue.OctetString("Rack 7, Row B"))]);

        (await NetSnmpTools.GetAsync(Target, ["-v2c", "-c", SnmpdServer.ReadCommunity], "1.3.6.1.2.1.1.6.0"))[0].Value
            .ShouldBe(Convert.ToHexString("Rack 7, Row B"u8));
        var error = await Should.ThrowAsync<SnmpClientException>(() => writer.SetAsync([new VarBind(location, SnmpValue.Integer(5))]));
        error.ErrorStatus.ShouldBe(SnmpErrorStatus.WrongType);
        (await new SnmpClient(fixture.Transport, V2c()).GetAsync([location]))[0].Value.ToString().ShouldBe("Rack 7, Row B");
    }

    public static TheoryData<int, string, string> WritableTypes() => new()
    {
        // Playpen column, our value, what snmpget prints for it (type and value, normalised as NetSnmpTools does).
        { 1, "Integer:-123456", "INTEGER:-123456" },
        { 2, "Gauge32:4294967295", "Gauge32:4294967295" },
        { 3, "OctetString:Über 7", "OCTETS:" + Convert.ToHexString(Encoding.UTF8.GetBytes("Über 7")) },
        { 4, "Oid:1.3.6.1.4.1.8072.3.2.10", "OID:1.3.6.1.4.1.8072.3.2.10" },
        { 5, "TimeTicks:8640000", "Timeticks:8640000" },
        { 6, "Counter32:3000000000", "Counter32:3000000000" },
    };

    [Theory]
    [MemberData(nameof(WritableTypes))]
    public async Task Set_EveryTypeSnmpdCanWrite_RoundTripsThroughNetSnmp(int column, string ours, string theirs)
    {
        var writer = new SnmpClient(fixture.Transport, V2c() with { Community = Encoding.ASCII.GetBytes(SnmpdServer.WriteCommunity) });
        var oid = ObjectIdentifier.Parse($"{SnmpdServer.PlaypenPrefix}.{column}.0");
        var value = ours.Split(':', 2) switch
        {
            ["Integer", var v] => SnmpValue.Integer(int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)),
            ["Gauge32", var v] => SnmpValue.Gauge32(uint.Parse(v, System.Globalization.CultureInfo.InvariantCulture)),
            ["OctetString", var v] => SnmpValue.OctetString(v),
            ["Oid", var v] => SnmpValue.Oid(ObjectIdentifier.Parse(v)),
            ["TimeTicks", var v] => SnmpValue.TimeTicks(uint.Parse(v, System.Globalization.CultureInfo.InvariantCulture)),
            ["Counter32", var v] => SnmpValue.Counter32(uint.Parse(v, System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException(ours),
        };

        await writer.SetAsync([new VarBind(oid, value)]);

        var read = (await NetSnmpTools.GetAsync(Target, ["-v2c", "-c", SnmpdServer.ReadCommunity], oid.ToString()))[0];
        $"{read.Type}:{read.Value}".ShouldBe(theirs);
        (await new SnmpClient(fixture.Transport, V2c()).GetAsync([oid]))[0].Value.ShouldBe(value);
    }

    [Fact]
    public async Task Set_OutsideTheWriteView_IsRefusedAndChangesNothing()
    {
        var writer = new SnmpClient(fixture.Transport, V2c() with { Community = Encoding.ASCII.GetBytes(SnmpdServer.WriteCommunity) });
        var ifAdminStatus = ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.7.1");
        var before = (await new SnmpClient(fixture.Transport, V2c()).GetAsync([ifAdminStatus]))[0].Value;

        // up(1), which it already is: were the view ever wrong, this test must not take the loopback interface down.
        var error = await Should.ThrowAsync<SnmpClientException>(() => writer.SetAsync([new VarBind(ifAdminStatus, SnmpValue.Integer(1))]));

        error.ErrorStatus.ShouldBe(SnmpErrorStatus.NoAccess);
        (await new SnmpClient(fixture.Transport, V2c()).GetAsync([ifAdminStatus]))[0].Value.ShouldBe(before);
    }

    [Fact]
    public async Task Set_OidOctetsAndIntegerInOnePdu_CreatesARowThatNetSnmpReadsBack()
    {
        var writer = new SnmpClient(fixture.Transport, V2c() with { Community = Encoding.ASCII.GetBytes(SnmpdServer.WriteCommunity) });
        // snmpTargetAddrTable (RFC 3413) row "drm": TDomain, TAddress (127.0.0.1:2586) and RowStatus createAndGo.
        var row = ".3.100.114.109";
        var entry = "1.3.6.1.6.3.12.1.2.1";

        await writer.SetAsync(
        [
            new VarBind(ObjectIdentifier.Parse($"{entry}.2{row}"), SnmpValue.Oid(ObjectIdentifier.Parse("1.3.6.1.6.1.1"))),
            new VarBind(ObjectIdentifier.Parse($"{entry}.3{row}"), SnmpValue.OctetString([127, 0, 0, 1, 0x0A, 0x1A])),
            new VarBind(ObjectIdentifier.Parse($"{entry}.9{row}"), SnmpValue.Integer(4)),
        ]);
        // An INTEGER scalar: net-snmp's nsCacheTimeout for one cached subtree.
        var cacheTimeout = (await new SnmpClient(fixture.Transport, V2c()).GetNextAsync([ObjectIdentifier.Parse("1.3.6.1.4.1.8072.1.5.3.1.2")]))[0].Oid;
        await writer.SetAsync([new VarBind(cacheTimeout, SnmpValue.Integer(42))]);

        var theirs = await NetSnmpTools.GetAsync(Target, ["-v2c", "-c", SnmpdServer.ReadCommunity],
            $"{entry}.2{row}", $"{entry}.3{row}", $"{entry}.9{row}", cacheTimeout.ToString());
        // net-snmp keeps the row notReady (3) until its parameters column is set too; the row exists with what we wrote.
        theirs.Select(v => (v.Type, v.Value)).ShouldBe([("OID", "1.3.6.1.6.1.1"), ("OCTETS", "7F0000010A1A"), ("INTEGER", "3"), ("INTEGER", "42")]);
    }

    public static TheoryData<string> Users()
    {
        var data = new TheoryData<string> { "noauth" };
        foreach (var auth in SnmpdServer.AuthProtocols)
        {
            var slug = auth.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal);
            data.Add($"{slug}-nopriv");
            foreach (var priv in SnmpdServer.PrivProtocols)
            {
                data.Add($"{slug}-{priv.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal)}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Users))]
    public async Task V3_EverySecurityCombination_WalksTheSystemGroupLikeV2c(string userName)
    {
        var user = fixture.Agent.Users.Single(u => u.Name == userName);

        var v3 = await WalkAsync(V3(user), "1.3.6.1.2.1.1");
        var v2 = await WalkAsync(V2c(), "1.3.6.1.2.1.1");

        v3.Where(v => v.Oid != ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0")).ShouldBe(v2.Where(v => v.Oid != ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0")));
    }

    [Theory]
    [InlineData("sha256-aes256", "wrong-password", null, "wrong digest")]
    [InlineData("nobody-here", null, null, "unknown user name")]
    public async Task V3_WrongCredentials_AreAnAuthException(string userName, string? authPassword, string? privPassword, string reason)
    {
        var user = fixture.Agent.Users.SingleOrDefault(u => u.Name == userName) ?? new SnmpdUser(userName, null, null, null, null);
        user = user with
        {
            AuthPassword = authPassword ?? user.AuthPassword,
            PrivPassword = privPassword ?? user.PrivPassword,
        };

        var error = await Should.ThrowAsync<SnmpAuthException>(() => new SnmpClient(fixture.Transport, V3(user)).GetAsync([SysDescr]));

        error.Message.ShouldContain(reason);
    }

    [Fact]
    public async Task V3_WrongPrivacyPassword_TimesOutWithAHint_BecauseNetSnmpDropsWhatItCannotDecrypt()
    {
        var user = fixture.Agent.Users.Single(u => u.Name == "sha256-aes256") with { PrivPassword = "wrong-password" };

        var error = await Should.ThrowAsync<SnmpTimeoutException>(() =>
            new SnmpClient(fixture.Transport, V3(user) with { Timeout = TimeSpan.FromMilliseconds(300), Retries = 0 }).GetAsync([SysDescr]));

        error.Message.ShouldContain("privacy password");
    }

    [Fact]
    public async Task V3_AfterTheAgentRestarts_ResynchronisesItsClockAndCarriesOn()
    {
        var user = fixture.Agent.Users.Single(u => u.Name == "sha-aes");
        var client = new SnmpClient(fixture.Transport, V3(user));
        await client.GetAsync([SysDescr]);

        await fixture.Agent.RestartAsync();

        (await client.GetAsync([SysDescr]))[0].Value.Type.ShouldBe(SnmpType.OctetString);
    }

    [Fact]
    public async Task V2c_OverIPv6_Works()
    {
        var agent = V2c() with { EndPoint = new IPEndPoint(IPAddress.IPv6Loopback, fixture.Agent.Port) };

        (await new SnmpClient(fixture.Transport, agent).GetAsync([SysDescr]))[0].Value.Type.ShouldBe(SnmpType.OctetString);
    }

    private string Target => $"127.0.0.1:{fixture.Agent.Port}";

    private SnmpAgent V2c() => new()
    {
        EndPoint = fixture.Agent.EndPoint,
        Community = Encoding.ASCII.GetBytes(SnmpdServer.ReadCommunity),
        Timeout = TimeSpan.FromSeconds(2),
        Retries = 1,
    };

    private SnmpAgent V3(SnmpdUser user) => V2c() with
    {
        Version = SnmpVersion.V3,
        User = new SnmpUser(user.Name, SnmpSecurityProtocols.ParseAuth(user.AuthProtocol), user.AuthPassword,
            SnmpSecurityProtocols.ParsePriv(user.PrivProtocol), user.PrivPassword),
    };

    private async Task<List<VarBind>> WalkAsync(SnmpAgent agent, string root)
    {
        var result = new List<VarBind>();
        await foreach (var batch in new SnmpClient(fixture.Transport, agent).BulkWalkAsync(ObjectIdentifier.Parse(root), new BulkWalkOptions { MaxRepetitions = 25 }))
        {
            result.AddRange(batch);
        }

        return result;
    }
}
