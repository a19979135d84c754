using Akka.Actor;

namespace Drm.Engine.Jobs.Actors;

/// <summary>
/// One per device: runs each job admitted for the device in its own runner child, and reports every job's end to the
/// supervisor, also when a runner crashed before it could write its final state.
/// </summary>
public sealed class DeviceActor : ReceiveActor
{
    private readonly Dictionary<IActorRef, JobTicket> _runners = new();

    public DeviceActor(JobStore store, Func<JobTicket, Props> runnerProps)
    {
        Receive<JobTicket>(ticket =>
        {
            var runner = Context.ActorOf(runnerProps(ticket), $"job-{ticket.JobId:N}");
            Context.Watch(runner);
            _runners[runner] = ticket;
        });
        Receive<CancelJob>(cancel => Context.Child($"job-{cancel.JobId:N}").Forward(cancel));
        Receive<RunnerFinished>(finished =>
        {
            _runners.Remove(Sender);
            Context.Parent.Tell(new JobEnded(finished.Ticket));
        });
        Receive<Terminated>(terminated =>
        {
            if (!_runners.Remove(terminated.ActorRef, out var ticket))
            {
                return;
            }

            // The runner died without settling its job: fail it here so it is not left RUNNING until its lease expires.
            var parent = Context.Parent;
            store.FinishAsync(ticket, JobStatus.Failed, 0, JobErrorTypes.Internal, "The job's runner stopped unexpectedly.", CancellationToken.None)
                .ContinueWith(_ => parent.Tell(new JobEnded(ticket)), TaskScheduler.Default);
        });
    }

    // A runner that throws is stopped, never restarted: restarting would run the job a second time.
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);
}
