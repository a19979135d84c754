using Akka;
using Akka.Streams.Dsl;
using Drm.Protocols.Snmp;

namespace Drm.Engine.Jobs;

/// <summary>
/// The sink side of a walk: groups the client's batches (up to <c>batchesPerGroup</c>, or whatever arrived within
/// <c>interval</c>) and writes one group at a time. It pulls the next group only after the previous write finished,
/// so a slow database slows the walk instead of filling memory.
/// </summary>
public static class ResultWriterFlow
{
    /// <param name="write">Writes one group of rows and returns when they are stored; it gets the group's first sequence number.</param>
    public static Flow<IReadOnlyList<VarBind>, long, NotUsed> Create(
        int batchesPerGroup, TimeSpan interval, Func<long, IReadOnlyList<VarBind>, Task> write)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchesPerGroup, 1);
        long nextSequence = 1;
        return Flow.Create<IReadOnlyList<VarBind>>()
            .GroupedWithin(batchesPerGroup, interval)
            .SelectAsync(1, async group =>
            {
                var rows = group.SelectMany(b => b).ToList();
                var first = nextSequence;
                await write(first, rows).ConfigureAwait(false);
                nextSequence += rows.Count;
                return (long)rows.Count;
            });
    }
}
