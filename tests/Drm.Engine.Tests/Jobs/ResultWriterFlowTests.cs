using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.TestKit;
using Drm.Engine.Jobs;
using Drm.Protocols.Snmp;

namespace Drm.Engine.Tests.Jobs;

public sealed class ResultWriterFlowTests() : Akka.TestKit.Xunit.TestKit("akka.loglevel = WARNING")
{
    [Fact]
    public async Task SlowWrites_BackpressureTheWalk_AndGroupsAreNumberedInOrder()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firsts = new List<long>();
        var flow = ResultWriterFlow.Create(2, TimeSpan.FromSeconds(10), async (first, rows) =>
        {
            lock (firsts)
            {
                firsts.Add(first);
            }

            await release.Task;
        });
        var (publisher, done) = this.SourceProbe<IReadOnlyList<VarBind>>()
            .Via(flow)
            .ToMaterialized(Sink.Seq<long>(), Keep.Both)
            .Run(Sys.Materializer());

        // Fill every buffer while the first write hangs: demand stops, so the walk would send no more requests.
        var sent = 0;
        var demand = await publisher.ExpectRequestAsync();
        while (demand > 0)
        {
            for (var i = 0; i < demand; i++)
            {
                await publisher.SendNextAsync(Batch(sent++));
            }

            var more = publisher.ExpectRequestAsync();
            demand = await Task.WhenAny(more, Task.Delay(500)) == more ? await more : 0;
        }

        sent.ShouldBeLessThanOrEqualTo(64, "a hanging database must bound what the walk holds");
        firsts.ShouldBe([1]);

        release.SetResult();
        await publisher.SendCompleteAsync();
        var counts = await done;
        counts.Sum().ShouldBe(sent);
        firsts.ShouldBe(Enumerable.Range(0, (sent + 1) / 2).Select(g => 1L + (g * 2)));
    }

    private static IReadOnlyList<VarBind> Batch(int index) => [new VarBind(ObjectIdentifier.Parse($"1.3.6.1.2.1.1.{index + 1}.0"), SnmpValue.Integer(index))];
}
