using Akka.Actor;
using Akka.Event;
using Akka.Streams;

namespace Drm.Engine.Jobs.Actors;

/// <summary>
/// Runs one job: claims it under a lease, runs its work as a stream, renews the lease (and learns of cancellation
/// requested on another node) while it runs, writes the final state and stops.
/// </summary>
public sealed class JobRunner : ReceiveActor, IWithTimers
{
    private readonly JobTicket _ticket;
    private readonly JobStore _store;
    private readonly IJobWork _work;
    private readonly JobEngineOptions _options;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private volatile bool _claimed;

    public JobRunner(JobTicket ticket, JobStore store, IJobWork work, JobEngineOptions options)
    {
        _ticket = ticket;
        _store = store;
        _work = work;
        _options = options;
        Receive<CancelJob>(_ => _cancellation.Cancel());
        Receive<RenewLease>(_ => _store.RenewLeaseAsync(_ticket, _options.NodeName, _options.Lease, CancellationToken.None)
            .PipeTo(Self, success: cancelRequested => new LeaseRenewed(cancelRequested), failure: e => new LeaseRenewalFailed(e)));
        Receive<LeaseRenewed>(renewed =>
        {
            if (renewed.CancelRequested)
            {
                _cancellation.Cancel();
            }
        });
        Receive<LeaseRenewalFailed>(failed => _log.Warning(failed.Cause, "Renewing the lease of job {0} failed.", _ticket.JobId));
        Receive<Done>(_ =>
        {
            Context.Parent.Tell(new RunnerFinished(_ticket));
            Context.Stop(Self);
        });
        Receive<Status.Failure>(failure =>
        {
            // Writing the final state failed (or something outside the work did): record why, if the database lets
            // us, then crash so that the device actor settles the job in any case.
            var cause = failure.Cause is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : failure.Cause;
            _log.Error(cause, "Job {0} failed inside the engine.", _ticket.JobId);
            if (!_claimed)
            {
                // Claiming failed (the database is unwell): the job stays as it was, for this or another node to resume.
                Context.Parent.Tell(new RunnerFinished(_ticket));
                Context.Stop(Self);
                return;
            }

            _store.FinishAsync(_ticket, JobStatus.Failed, 0, JobErrorTypes.Internal, $"The engine failed: {cause.GetType().Name}: {cause.Message}", CancellationToken.None)
                .PipeTo(Self, success: () => Crash.Instance, failure: _ => Crash.Instance);
        });
        Receive<Crash>(_ => throw new InvalidOperationException($"Job {_ticket.JobId} failed inside the engine."));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer("lease", RenewLease.Instance, _options.Lease / 3);
        RunAsync(Context.Materializer()).PipeTo(Self, success: () => Done.Instance);
    }

    protected override void PostStop()
    {
        // Stopping the runner (shutdown, a crash) abandons the work; its stream dies with the actor's materializer.
        _cancellation.Cancel();
        _cancellation.Dispose();
    }

    private async Task RunAsync(IMaterializer materializer)
    {
        var claim = await _store.ClaimAsync(_ticket, _options.NodeName, _options.Lease, _options.MaxAttempts, CancellationToken.None).ConfigureAwait(false);
        if (claim.Outcome != JobClaimOutcome.Claimed)
        {
            return;
        }

        _claimed = true;

        var progress = new JobProgress(_ticket, _store, _options.ProgressInterval);
        var token = _cancellation.Token;
        try
        {
            await _work.RunAsync(_ticket, claim.Job!, progress, materializer, token).ConfigureAwait(false);
            await _store.FinishAsync(_ticket, JobStatus.Completed, progress.Done, null, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (token.IsCancellationRequested && IsCancellation(e))
        {
            await _store.FinishAsync(_ticket, JobStatus.Cancelled, progress.Done, JobErrorTypes.Cancelled,
                $"Cancelled after {progress.Done} items; they are kept.", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (JobFailure.Classify(e) is { } failure)
        {
            await _store.FinishAsync(_ticket, JobStatus.Failed, progress.Done, failure.ErrorType, failure.Message, CancellationToken.None)
                .ConfigureAwait(false);
        }
    }

    // Akka.Streams hands the abort of a kill switch back wrapped (AggregateException) or as its own termination types.
    private static bool IsCancellation(Exception e) => e switch
    {
        OperationCanceledException or AbruptTerminationException or AbruptStageTerminationException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsCancellation),
        _ => e.InnerException is { } inner && IsCancellation(inner),
    };

    private sealed class RenewLease
    {
        public static readonly RenewLease Instance = new();
    }

    private sealed record LeaseRenewed(bool CancelRequested);

    private sealed record LeaseRenewalFailed(Exception Cause);

    private sealed class Crash
    {
        public static readonly Crash Instance = new();
    }

    private sealed class Done
    {
        public static readonly Done Instance = new();
    }
}
