namespace Drm.Engine.Jobs;

/// <summary>Counts a running job's items and writes the count at most once per interval (each write reaches subscribers).</summary>
public sealed class JobProgress(JobTicket ticket, JobStore store, TimeSpan interval)
{
    private long _done;
    private long _lastReport = Environment.TickCount64;

    public long Done => Interlocked.Read(ref _done);

    public async Task AddAsync(long items, CancellationToken cancellationToken)
    {
        var done = Interlocked.Add(ref _done, items);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastReport);
        if (now - last >= interval.TotalMilliseconds && Interlocked.CompareExchange(ref _lastReport, now, last) == last)
        {
            await store.ReportProgressAsync(ticket, done, cancellationToken).ConfigureAwait(false);
        }
    }
}
