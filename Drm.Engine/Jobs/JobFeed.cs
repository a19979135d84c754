using System.Threading.Channels;
using Drm.Engine.Tenancy;

namespace Drm.Engine.Jobs;

/// <summary>
/// The jobs a subscriber sees change: it hears of its own tenant's jobs only, reads each under its tenant context, and
/// a version already delivered is not delivered again.
/// <c>jobProgress</c> follows one job and completes after its final state; <c>jobUpdates</c> follows every job.
/// </summary>
/// <remarks>
/// A notification is read after the fact, so a job that moved on quickly reads as its later state. No status is
/// skipped all the same: a job first heard of by its insert (version 1) starts at QUEUED, and a RUNNING the job passed
/// through between two reads (its start time says it did) is delivered before the state read.
/// </remarks>
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
        var changes = Channel.CreateBounded<(Guid JobId, long Version)>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var stop = new CancellationTokenSource();
        var registration = _hub.Subscribe(_caller.TenantId, (jobId, version) =>
        {
            if (_jobId is null || _jobId == jobId)
            {
                changes.Writer.TryWrite((jobId, version));
            }
        });
        _ = PumpAsync(observer, changes.Reader, stop.Token);
        if (_jobId is { } id)
        {
            // The current state first, so a subscriber that arrives late still sees where the job is.
            changes.Writer.TryWrite((id, CurrentState));
        }

        return new Unsubscriber(() =>
        {
            registration.Dispose();
            changes.Writer.TryComplete();
            stop.Cancel();
            stop.Dispose();
        });
    }

    private async Task PumpAsync(IObserver<Job> observer, ChannelReader<(Guid JobId, long Version)> changes, CancellationToken cancellationToken)
    {
        var delivered = new Dictionary<Guid, (long Version, JobStatus Status)>();
        try
        {
            await foreach (var (jobId, notifiedVersion) in changes.ReadAllAsync(cancellationToken).ConfigureAwait(false))
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

                var known = delivered.TryGetValue(jobId, out var seen);
                if (known && seen.Version >= job.Version)
                {
                    continue;
                }

                // Where this subscriber last saw the job: the status delivered, QUEUED for a job it heard being
                // created, or nowhere (the current state is all it asked for).
                JobStatus? from = known ? seen.Status : notifiedVersion == 1 ? JobStatus.Queued : null;
                delivered[jobId] = (job.Version, job.Status);
                foreach (var state in Passage(from, known, job))
                {
                    if (_status is null || state.Status == _status)
                    {
                        observer.OnNext(state);
                    }
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

    // The notification written for a jobProgress subscriber's first read: no version, only "the current state".
    private const long CurrentState = 0;

    // The states to deliver, in order, ending with the one read.
    private static IEnumerable<Job> Passage(JobStatus? from, bool delivered, Job job)
    {
        if (from == JobStatus.Queued && !delivered && job.Status != JobStatus.Queued)
        {
            yield return job with { Status = JobStatus.Queued, ItemsDone = 0, StartedAt = null, FinishedAt = null, ErrorType = null, ErrorMessage = null };
        }

        if (from == JobStatus.Queued && job.IsFinished && job.StartedAt is not null)
        {
            yield return job with { Status = JobStatus.Running, FinishedAt = null, ErrorType = null, ErrorMessage = null };
        }

        yield return job;
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
