using System.Collections;
using Drm.Protocols.Snmp;

namespace Drm.Engine.Jobs;

/// <summary>
/// The batches of one write, read as one sequence of rows without copying them into one list: a group of 5,000 rows
/// copied into a list needs arrays on the large-object heap, and a walk of a million rows made the collector busy.
/// </summary>
public sealed class ResultGroup(IReadOnlyList<IReadOnlyList<VarBind>> batches) : IReadOnlyCollection<VarBind>
{
    public int Count { get; } = batches.Sum(b => b.Count);

    public IEnumerator<VarBind> GetEnumerator()
    {
        foreach (var batch in batches)
        {
            foreach (var varBind in batch)
            {
                yield return varBind;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
