using System.Threading.Channels;
using Drm.Engine.Tenancy;

namespace Drm.Engine.Jobs;

/// <summary>
/// The jobs a subscriber sees change: each notification is read under the subscriber's tenant context (another
/// tenant's job reads as nothing and is skipped), and a version already delivered is not delivered again.
/// <c>jobProgress</c> follows one job and completes after its final state; <c>jobUpdates</c> follows every job.
/// </summary>
public sealed class JobFeed : IObservable<Job>
{
    private readonly JobNotificationHub _hub;
    private readonly JobService _jobs;
    private readonly TenantContext _caller;
    private readonly Guid? _jobId;
    private readonly JobStatus? _status;

    private JobFeed(JobNotificationHub hub, JobService jobs, TenantContext caller, Guid? jobId, JobStatus? status)
    {
        _hub = hub;
        _jobs = jobs;
        _caller = caller;
        _jobId = jobId;
        _status = status;
    }

    public static JobFeed ForJob(JobNotificationHub hub, JobService jobs, TenantContext caller, Guid jobId) => new(hub, jobs, caller, jobId, null);

    public static JobFeed ForTenant(JobNotificationHub hub, JobService jobs, TenantContext caller, JobStatus? status) => new(hub, jobs, caller, null, status);

    public IDisposable Subscribe(IObserver<Job> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        // Latest-wins per subscriber: a slow client gets the newest state of each job, never an unbounded backlog.
        var changes = Channel.CreateBounded<Guid>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var stop = new CancellationTokenSource();
        var registration = _hub.Subscribe((jobId, _) =>
        {
            if (_jobId is null || _jobId == jobId)
            {
                changes.Writer.TryWrite(jobId);
            }
        });
        _ = PumpAsync(observer, changes.Reader, stop.Token);
        if (_jobId is { } id)
        {
            // The current state first, so a subscriber that arrives late still sees where the job is.
            changes.Writer.TryWrite(id);
        }

        return new Unsubscriber(() =>
        {
            registration.Dispose();
            changes.Writer.TryComplete();
            stop.Cancel();
            stop.Dispose();
        });
    }

    private async Task PumpAsync(IObserver<Job> observer, ChannelReader<Guid> changes, CancellationToken cancellationToken)
    {
        var delivered = new Dictionary<Guid, long>();
        try
        {
            await foreach (var jobId in changes.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var job = await _jobs.GetAsync(_caller, jobId, cancellationToken).ConfigureAwait(false);
                if (job is null)
                {
                    if (_jobId is not null)
                    {
                        observer.OnError(DrmException.NotFound("Job"));
                        return;
                    }

                    continue;
                }

                if (delivered.TryGetValue(jobId, out var seen) && seen >= job.Version)
                {
                    continue;
                }

                delivered[jobId] = job.Version;
                if (_status is null || job.Status == _status)
                {
                    observer.OnNext(job);
                }

                if (_jobId is not null && job.IsFinished)
                {
                    observer.OnCompleted();
                    return;
                }

                // jobUpdates remembers versions of recent jobs only.
                if (delivered.Count > 10_000)
                {
                    delivered.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            observer.OnError(e);
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
