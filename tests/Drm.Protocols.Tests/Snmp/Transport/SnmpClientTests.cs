using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Pdus;
using Drm.Protocols.Snmp.Transport;

namespace Drm.Protocols.Tests.Snmp.Transport;

[Collection(TimingCollection.Name)]
public sealed class SnmpClientTests
{
    private static readonly ObjectIdentifier SysDescr = ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0");

    [Fact]
    public async Task GetAsync_ManyOidsInOnePdu_ReturnsTheirValuesAndExceptionsAsData()
    {
        var table = Table(("1.3.6.1.2.1.1.1.0", SnmpValue.OctetString("box")), ("1.3.6.1.2.1.1.3.0", SnmpValue.TimeTicks(99)));
        await using var agent = ScriptedAgent.ServingTable(table);
        await using var transport = new SnmpUdpTransport();
        var sut = new SnmpClient(transport, Agent(agent.EndPoint));

        var result = await sut.GetAsync([SysDescr, ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0"), ObjectIdentifier.Parse("1.3.6.1.2.1.1.9.0")]);

        result.Select(v => v.Value.ToString()).ShouldBe(["box", "99", SnmpValue.NoSuchObject.ToString()]);
        agent.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_ErrorStatus_IsAClientExceptionNamingTheVarbind()
    {
        await using var agent = new ScriptedAgent(r => [ScriptedAgent.Reply(r, ((SnmpPdu)r.Pdu).VarBinds, errorStatus: 6, errorIndex: 1)]);
        await using var transport = new SnmpUdpTransport();

        var error = await Should.ThrowAsync<SnmpClientException>(() => new SnmpClient(transport, Agent(agent.EndPoint)).GetAsync([SysDescr]));

        error.ErrorStatus.ShouldBe(SnmpErrorStatus.NoAccess);
        error.ErrorIndex.ShouldBe(1);
        error.Message.ShouldContain("1.3.6.1.2.1.1.1.0");
    }

    [Fact]
    public async Task SilentAgent_TimesOutAfterEveryRetry_WithinTimeoutTimesAttemptsPlusBackoff()
    {
        await using var agent = new ScriptedAgent(_ => []);
        await using var transport = new SnmpUdpTransport();
        var sut = new SnmpClient(transport, Agent(agent.EndPoint) with { Timeout = TimeSpan.FromMilliseconds(200), Retries = 2 });
        var clock = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<SnmpTimeoutException>(() => sut.GetAsync([SysDescr]));

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(600));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        agent.Requests.Count.ShouldBe(3);
        error.IsTransient.ShouldBeTrue();
        error.Agent.ShouldBe(agent.EndPoint);
    }

    [Fact]
    public async Task AgentThatStopsMidWalk_GivesATimeoutAfterItsRetries()
    {
        var table = BigTable(rows: 200);
        var answered = 0;
        await using var silentAfterThree = new ScriptedAgent(request =>
        {
            if (Interlocked.Increment(ref answered) > 3)
            {
                return [];
            }

            var pdu = (SnmpPdu)request.Pdu;
            var next = table.Where(kv => kv.Key > pdu.VarBinds[0].Oid).Take(pdu.MaxRepetitions).Select(kv => new VarBind(kv.Key, kv.Value)).ToList();
            return [ScriptedAgent.Reply(request, next)];
        });
        await using var transport = new SnmpUdpTransport();
        var sut = new SnmpClient(transport, Agent(silentAfterThree.EndPoint) with { Timeout = TimeSpan.FromMilliseconds(150), Retries = 1 });
        var received = 0;

        await Should.ThrowAsync<SnmpTimeoutException>(async () =>
        {
            await foreach (var batch in sut.BulkWalkAsync(ObjectIdentifier.Parse("1.3.6.1.2.1.2"), new BulkWalkOptions { MaxRepetitions = 10 }))
            {
                received += batch.Count;
            }
        });

        received.ShouldBe(30);
        // 3 answered; then max-repetitions 10 → 5 → 2 → 1, each attempt sent twice (one retry) before the last timeout.
        silentAfterThree.Requests.Count.ShouldBe(3 + (4 * 2));
    }

    [Fact]
    public async Task PortWithNoAgent_TimesOutWithinTimeoutTimesAttemptsPlusBackoff()
    {
        using var closed = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var endPoint = (IPEndPoint)closed.Client.LocalEndPoint!;
        closed.Dispose();
        await using var transport = new SnmpUdpTransport();
        var sut = new SnmpClient(transport, Agent(endPoint) with { Timeout = TimeSpan.FromMilliseconds(250), Retries = 2 });
        var clock = Stopwatch.StartNew();

        await Should.ThrowAsync<SnmpTimeoutException>(() => sut.GetAsync([SysDescr]));

        // 3 attempts × 250 ms plus exponential backoff of about 100 + 200 ms (with jitter).
        clock.Elapsed.ShouldBeInRange(TimeSpan.FromMilliseconds(750), TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public async Task GarbageWrongIdsAndDuplicates_AreDropped_AndTheRightAnswerArrives()
    {
        await using var agent = new ScriptedAgent(r =>
        {
            var good = ScriptedAgent.Reply(r, [new VarBind(SysDescr, SnmpValue.OctetString("right"))]);
            return
            [
                [0xDE, 0xAD, 0xBE, 0xEF],
                good[..^3],
                ScriptedAgent.Reply(r, [new VarBind(SysDescr, SnmpValue.OctetString("wrong"))], requestId: ((SnmpPdu)r.Pdu).RequestId + 1),
                good,
                good,
            ];
        });
        await using var transport = new SnmpUdpTransport();

        var result = await new SnmpClient(transport, Agent(agent.EndPoint)).GetAsync([SysDescr]);

        result[0].Value.ToString().ShouldBe("right");
        await WaitForAsync(() => transport.DroppedDatagrams >= 4);
    }

    [Fact]
    public async Task ManyConcurrentRequestsToManyAgents_EachCallerGetsItsOwnAnswer()
    {
        var agents = Enumerable.Range(0, 5).Select(i => new ScriptedAgent(r =>
            [ScriptedAgent.Reply(r, [new VarBind(((SnmpPdu)r.Pdu).VarBinds[0].Oid, SnmpValue.Integer(i))])])).ToList();
        await using var transport = new SnmpUdpTransport();
        try
        {
            var calls = Enumerable.Range(0, 500).Select(async n =>
            {
                var agent = n % agents.Count;
                var oid = ObjectIdentifier.Parse($"1.3.6.1.4.1.99.{n}");
                var result = await new SnmpClient(transport, Agent(agents[agent].EndPoint)).GetAsync([oid]);
                return result[0].Oid == oid && result[0].Value.ToInt32() == agent;
            });

            (await Task.WhenAll(calls)).ShouldAllBe(ok => ok);
        }
        finally
        {
            foreach (var agent in agents)
            {
                await agent.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task IPv6Agent_IsReachedOverTheSameSocket()
    {
        await using var agent = new ScriptedAgent(r => [ScriptedAgent.Reply(r, [new VarBind(SysDescr, SnmpValue.OctetString("v6"))])],
            AddressFamily.InterNetworkV6);
        await using var transport = new SnmpUdpTransport();

        (await new SnmpClient(transport, Agent(agent.EndPoint)).GetAsync([SysDescr]))[0].Value.ToString().ShouldBe("v6");
    }

    [Fact]
    public async Task BulkWalkAsync_WalksExactlyTheSubtree_InBatches()
    {
        var table = BigTable(rows: 300);
        table[ObjectIdentifier.Parse("1.3.6.1.2.1.3.1.0")] = SnmpValue.Integer(1); // just after the subtree
        await using var agent = ScriptedAgent.ServingTable(table);
        await using var transport = new SnmpUdpTransport();
        var sut = new SnmpClient(transport, Agent(agent.EndPoint));

        var walked = new List<VarBind>();
        await foreach (var batch in sut.BulkWalkAsync(ObjectIdentifier.Parse("1.3.6.1.2.1.2"), new BulkWalkOptions { MaxRepetitions = 40 }))
        {
            batch.Count.ShouldBeLessThanOrEqualTo(40);
            walked.AddRange(batch);
        }

        walked.Select(v => v.Oid).ShouldBe(table.Keys.Where(k => k.StartsWith(ObjectIdentifier.Parse("1.3.6.1.2.1.2"))));
        walked.Count.ShouldBe(600);
    }

    [Fact]
    public async Task BulkWalkAsync_TooBig_HalvesMaxRepetitions_AndRemembersItForTheAgent()
    {
        var table = BigTable(rows: 100);
        var seen = new List<int>();
        await using var agent = ScriptedAgent.ServingTable(table, pdu =>
        {
            seen.Add(pdu.MaxRepetitions);
            return pdu.MaxRepetitions > 12 ? new SnmpPdu(SnmpPduType.Response, pdu.RequestId, (int)SnmpErrorStatus.TooBig, 0, []) : null;
        });
        await using var transport = new SnmpUdpTransport();
        var sut = new SnmpClient(transport, Agent(agent.EndPoint) with { MaxRepetitions = 50 });

        var count = 0;
        await foreach (var batch in sut.BulkWalkAsync(ObjectIdentifier.Parse("1.3.6.1.2.1.2")))
        {
            count += batch.Count;
        }

        count.ShouldBe(200);
        seen.Take(3).ShouldBe([50, 25, 12]);
        seen.Clear();
        await foreach (var _ in sut.BulkWalkAsync(ObjectIdentifier.Parse("1.3.6.1.2.1.2")))
        {
        }

        seen[0].ShouldBe(12);
    }

    [Fact]
    public async Task BulkWalkAsync_NonIncreasingOid_FailsClearly_UnlessTolerated()
    {
        var table = BigTable(rows: 10);
        var backwards = ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.1.3");
        await using var agent = ScriptedAgent.ServingTable(table, pdu => pdu.VarBinds[0].Oid == ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.1.5")
            ? new SnmpPdu(SnmpPduType.Response, pdu.RequestId, 0, 0, [new VarBind(backwards, SnmpValue.Integer(3)),
                new VarBind(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.1.6"), SnmpValue.Integer(6))])
            : null);
        await using var transport = new SnmpUdpTransport();
        var sut = new SnmpClient(transport, Agent(agent.EndPoint));

        var error = await Should.ThrowAsync<SnmpClientException>(async () =>
        {
            await foreach (var _ in sut.BulkWalkAsync(ObjectIdentifier.Parse("1.3.6.1.2.1.2"), new BulkWalkOptions { MaxRepetitions = 5 }))
            {
            }
        });
        error.Message.ShouldContain("must increase");

        var tolerated = 0;
        await foreach (var batch in sut.BulkWalkAsync(
            ObjectIdentifier.Parse("1.3.6.1.2.1.2"), new BulkWalkOptions { MaxRepetitions = 5, AllowNonIncreasing = true }))
        {
            tolerated += batch.Count;
        }

        tolerated.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task BulkWalkAsync_V1_UsesGetNextAndEndsAtNoSuchName()
    {
        var table = BigTable(rows: 5);
        await using var agent = new ScriptedAgent(request =>
        {
            var pdu = (SnmpPdu)request.Pdu;
            pdu.Type.ShouldBe(SnmpPduType.GetNextRequest);
            var next = table.FirstOrDefault(kv => kv.Key > pdu.VarBinds[0].Oid);
            return next.Key.Length == 0
                ? [ScriptedAgent.Reply(request, pdu.VarBinds, errorStatus: (int)SnmpErrorStatus.NoSuchName, errorIndex: 1)]
                : [ScriptedAgent.Reply(request, [new VarBind(next.Key, next.Value)])];
        });
        await using var transport = new SnmpUdpTransport();
        var sut = new SnmpClient(transport, Agent(agent.EndPoint) with { Version = SnmpVersion.V1 });

        var count = 0;
        await foreach (var batch in sut.BulkWalkAsync(ObjectIdentifier.Parse("1.3.6.1.2.1.2")))
        {
            count += batch.Count;
        }

        count.ShouldBe(10);
    }

    private static SnmpAgent Agent(IPEndPoint endPoint) => new()
    {
        EndPoint = endPoint,
        Community = "public"u8.ToArray(),
        Timeout = TimeSpan.FromSeconds(2),
        Retries = 1,
    };

    private static SortedDictionary<ObjectIdentifier, SnmpValue> Table(params (string Oid, SnmpValue Value)[] rows) =>
        new(rows.ToDictionary(r => ObjectIdentifier.Parse(r.Oid), r => r.Value));

    private static SortedDictionary<ObjectIdentifier, SnmpValue> BigTable(int rows)
    {
        var table = new SortedDictionary<ObjectIdentifier, SnmpValue>();
        for (var i = 1; i <= rows; i++)
        {
            table[ObjectIdentifier.Parse($"1.3.6.1.2.1.2.2.1.1.{i}")] = SnmpValue.Integer(i);
            table[ObjectIdentifier.Parse($"1.3.6.1.2.1.2.2.1.2.{i}")] = SnmpValue.OctetString($"eth{i}");
        }

        table[ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0")] = SnmpValue.OctetString("before the subtree");
        return table;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        condition().ShouldBeTrue();
    }
}
