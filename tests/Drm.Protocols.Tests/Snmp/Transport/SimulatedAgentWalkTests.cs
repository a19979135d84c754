using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Transport;
using Drm.TestUtils;

namespace Drm.Protocols.Tests.Snmp.Transport;

public sealed class SimulatedAgentWalkTests
{
    [Fact]
    public async Task BulkWalkAsync_OfALargeMixedTable_ReturnsEveryEntryInOrder()
    {
        var recording = SnmpRecording.FromEntries(Enumerable.Range(1, 4_000).SelectMany(i => new[]
        {
            new VarBind(ObjectIdentifier.Parse($"1.3.6.1.2.1.2.2.1.1.{i}"), SnmpValue.Integer(i)),
            new VarBind(ObjectIdentifier.Parse($"1.3.6.1.2.1.2.2.1.2.{i}"), SnmpValue.OctetString($"eth{i}")),
            new VarBind(ObjectIdentifier.Parse($"1.3.6.1.2.1.2.2.1.6.{i}"), SnmpValue.OctetString([0, 0x1B, 0x21, 0, (byte)(i >> 8), (byte)i])),
            new VarBind(ObjectIdentifier.Parse($"1.3.6.1.2.1.2.2.1.10.{i}"), SnmpValue.Counter32(uint.MaxValue - (uint)i)),
            new VarBind(ObjectIdentifier.Parse($"1.3.6.1.2.1.31.1.1.1.6.{i}"), SnmpValue.Counter64(ulong.MaxValue - (ulong)i)),
        }));
        await using var agent = SimulatedAgent.Start(recording, ports: 2);
        await using var transport = new SnmpUdpTransport();

        var walks = agent.EndPoints.Select(async endPoint =>
        {
            var client = new SnmpClient(transport, new SnmpAgent { EndPoint = endPoint, MaxRepetitions = 50 });
            var walked = new List<VarBind>();
            await foreach (var batch in client.BulkWalkAsync(ObjectIdentifier.Parse("1.3.6.1.2.1")))
            {
                walked.AddRange(batch);
            }

            return walked;
        });

        foreach (var walked in await Task.WhenAll(walks))
        {
            walked.Count.ShouldBe(recording.Count);
            walked.Select(v => v.Oid).ShouldBe(recording.Oids);
            walked.Select(v => v.Value).ShouldBe(recording.Values);
        }
    }

    [Fact]
    public void SnmprecLines_ParseEveryTag()
    {
        string[] lines =
        [
            "1.3.6.1.2.1.1.1.0|4|Linux box", "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072", "1.3.6.1.2.1.2.2.1.6.1|4x|001b21000001",
            "1.3.6.1.2.1.4.20.1.1.10.0.0.1|64|10.0.0.1", "1.3.6.1.2.1.2.2.1.10.1|65|4294967295", "1.3.6.1.2.1.2.2.1.5.1|66|1000000000",
            "1.3.6.1.2.1.1.3.0|67|12345", "1.3.6.1.2.1.31.1.1.1.6.1|70|18446744073709551615", "1.3.6.1.2.1.2.2.1.1.1|2|-2147483648",
            "1.3.6.1.4.1.1.1|5|", "1.3.6.1.4.1.1.2|68x|9f78043f800000",
        ];

        var types = lines.Select(SnmpRecording.ParseLine).Select(v => v.Value.Type).ToArray();

        types.ShouldBe([SnmpType.OctetString, SnmpType.ObjectIdentifier, SnmpType.OctetString, SnmpType.IpAddress, SnmpType.Counter32,
            SnmpType.Gauge32, SnmpType.TimeTicks, SnmpType.Counter64, SnmpType.Integer, SnmpType.Null, SnmpType.Opaque]);
    }
}
