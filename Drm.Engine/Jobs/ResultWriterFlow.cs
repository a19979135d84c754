using Akka;
using Akka.Streams.Dsl;
using Drm.Protocols.Snmp;

namespace Drm.Engine.Jobs;

/// <summary>
/// The sink side of a walk: groups the client's batches (up to <c>batchesPerGroup</c>, or whatever arrived within
/// <c>interval</c>) and writes one group at a time, each in its own transaction. It pulls the next group only when the
/// write finished, so a slow database slows the walk instead of filling memory.
/// </summary>
public static class ResultWriterFlow
{
    // One write at a time per job. Two overlapping writers per job were no faster with ten jobs at once on two cores
    // (1.84× a raw COPY against 1.73–1.76× with one, with COPY writes in 5,000-row groups; 1.74× against 1.33× with the
    // earlier INSERT path): the jobs already keep the database busy.
    private const int Writers = 1;

    /// <param name="write">Writes one group of rows and returns when they are stored; it gets the group's first sequence number.</param>
    public static Flow<IReadOnlyList<VarBind>, long, NotUsed> Create(
        int batchesPerGroup, TimeSpan interval, Func<long, IReadOnlyCollection<VarBind>, Task> write)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchesPerGroup, 1);
        long nextSequence = 1;
        return Flow.Create<IReadOnlyList<VarBind>>()
            .GroupedWithin(batchesPerGroup, interval)
            .SelectAsync(Writers, async group =>
            {
                var rows = new ResultGroup(group.ToList());
                // Numbered before the write starts, so the numbering stays right should writes ever overlap.
                var first = nextSequence;
                nextSequence += rows.Count;
                await write(first, rows).ConfigureAwait(false);
                return (long)rows.Count;
            });
    }
}
