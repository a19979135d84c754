using System.Diagnostics;
using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Transport;

namespace Drm.Protocols.Tests.Snmp.Transport;

[Collection(TimingCollection.Name)]
public sealed class SnmpUdpTransportTests
{
    private static readonly ObjectIdentifier SysDescr = ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0");

    [Fact]
    public async Task CallerThatBlocksInItsContinuation_DoesNotStarveOtherRequests()
    {
        var table = new SortedDictionary<ObjectIdentifier, SnmpValue> { [SysDescr] = SnmpValue.OctetString("box") };
        await using var first = ScriptedAgent.ServingTable(table);
        await using var second = ScriptedAgent.ServingTable(table);
        await using var transport = new SnmpUdpTransport();
        var blocking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // With nothing else waiting on the socket, the receive thread runs this continuation itself and is then stuck.
        var stuck = new SnmpClient(transport, Agent(first)).GetAsync([SysDescr]).ContinueWith(
            _ =>
            {
                blocking.SetResult();
                Thread.Sleep(TimeSpan.FromSeconds(2));
            },
            TaskContinuationOptions.ExecuteSynchronously);
        await blocking.Task;
        var clock = Stopwatch.StartNew();

        var answer = await new SnmpClient(transport, Agent(second) with { Timeout = TimeSpan.FromSeconds(1), Retries = 0 }).GetAsync([SysDescr]);

        answer[0].Value.ToString().ShouldBe("box");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
        await stuck;
    }

    [Fact]
    public async Task TimeoutsOfShortRequests_FireWithinATenthOfTheirTimeoutAfterIt()
    {
        await using var silent = new ScriptedAgent(_ => []);
        await using var transport = new SnmpUdpTransport();
        // A long request first, so that the sweep tick starts coarse and must be refined for the short one.
        var longOne = new SnmpClient(transport, Agent(silent) with { Timeout = TimeSpan.FromSeconds(5), Retries = 0 }).GetAsync([SysDescr]);
        var clock = Stopwatch.StartNew();

        await Should.ThrowAsync<SnmpTimeoutException>(
            new SnmpClient(transport, Agent(silent) with { Timeout = TimeSpan.FromMilliseconds(200), Retries = 0 }).GetAsync([SysDescr]));

        clock.Elapsed.ShouldBeInRange(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400));
        longOne.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task Dispose_CancelsOutstandingRequests_AndLaterRequestsAreRefused()
    {
        await using var silent = new ScriptedAgent(_ => []);
        var transport = new SnmpUdpTransport();
        var outstanding = new SnmpClient(transport, Agent(silent) with { Timeout = TimeSpan.FromSeconds(30), Retries = 0 }).GetAsync([SysDescr]);
        await Task.Delay(100);

        await transport.DisposeAsync();

        await Should.ThrowAsync<OperationCanceledException>(outstanding);
        await Should.ThrowAsync<ObjectDisposedException>(new SnmpClient(transport, Agent(silent)).GetAsync([SysDescr]));
    }

    [Fact]
    public async Task MaxInFlight_HoldsCallersBeyondTheLimit_UntilASlotFrees()
    {
        await using var silent = new ScriptedAgent(_ => []);
        await using var transport = new SnmpUdpTransport(maxInFlight: 3);
        var client = new SnmpClient(transport, Agent(silent) with { Timeout = TimeSpan.FromMilliseconds(300), Retries = 0 });
        var peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, transport.InFlight);
                await Task.Delay(5);
            }
        });
        var clock = Stopwatch.StartNew();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 9).Select(async _ =>
            await Record.ExceptionAsync(() => client.GetAsync([SysDescr]))));

        await sampling.CancelAsync();
        await sampler;
        outcomes.ShouldAllBe(e => e is SnmpTimeoutException);
        peak.ShouldBe(3);
        // Three waves of three, each waiting out its timeout.
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900));
        silent.Requests.Count.ShouldBe(9);
    }

    private static SnmpAgent Agent(ScriptedAgent agent) => new() { EndPoint = agent.EndPoint, Community = "public"u8.ToArray() };
}
