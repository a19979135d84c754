using System.Text;
using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Security;
using Drm.TestUtils;

namespace Drm.Protocols.Tests.Snmp.Interop;

/// <summary>Our engine against snmpsim (pysnmp's agent): a 120,000-OID walk, and the v3 ciphers snmpd lacks.</summary>
public sealed class SnmpsimInteropTests(SnmpsimFixture fixture) : IClassFixture<SnmpsimFixture>
{
    [Fact]
    public async Task BulkWalk_OfTheLargeRecording_EqualsSnmpbulkwalkAndTheRecording()
    {
        var agent = new SnmpAgent { EndPoint = fixture.Agent.EndPoint, Community = "public"u8.ToArray(), MaxRepetitions = 25, Timeout = TimeSpan.FromSeconds(5) };
        var ours = new List<VarBind>();
        await foreach (var batch in new SnmpClient(fixture.Transport, agent).BulkWalkAsync(ObjectIdentifier.Parse("1.3.6.1"), new BulkWalkOptions { MaxRepetitions = 25 }))
        {
            ours.AddRange(batch);
        }

        var theirs = await NetSnmpTools.BulkWalkAsync(fixture.Agent.EndPoint.ToString(), ["-v2c", "-c", "public"], "1.3.6.1", 25);

        ours.Count.ShouldBe(fixture.Recording.Count);
        ours.Select(v => v.Oid).ShouldBe(fixture.Recording.Oids);
        ours.Select(v => v.Value).ShouldBe(fixture.Recording.Values);
        ours.Select(NetSnmpTools.FromOurs).ShouldBe(theirs);
    }

    [Theory]
    [InlineData("reeder-aes192", SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes192Reeder)]
    [InlineData("reeder-aes256", SnmpAuthProtocol.Sha256, SnmpPrivProtocol.Aes256Reeder)]
    [InlineData("blumenthal-aes256", SnmpAuthProtocol.Sha1, SnmpPrivProtocol.Aes256)]
    [InlineData("tripledes", SnmpAuthProtocol.Md5, SnmpPrivProtocol.TripleDes)]
    public async Task V3_CiphersSnmpdLacks_WorkAgainstSnmpsim(string user, SnmpAuthProtocol auth, SnmpPrivProtocol priv)
    {
        var agent = new SnmpAgent
        {
            EndPoint = fixture.Agent.EndPoint,
            Version = SnmpVersion.V3,
            User = new SnmpUser(user, auth, SnmpsimServer.AuthKey, priv, SnmpsimServer.PrivKey),
            // snmpsim picks the recording by the v3 context name.
            ContextName = Encoding.ASCII.GetBytes("public"),
            Timeout = TimeSpan.FromSeconds(5),
        };

        var result = await new SnmpClient(fixture.Transport, agent).GetAsync([fixture.Recording.Oids[0], fixture.Recording.Oids[^1]]);

        result.Select(v => v.Value).ShouldBe([fixture.Recording.Values[0], fixture.Recording.Values[^1]]);
    }
}
