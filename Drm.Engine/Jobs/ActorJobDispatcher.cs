using Akka.Actor;
using Akka.Hosting;
using Drm.Engine.Jobs.Actors;

namespace Drm.Engine.Jobs;

/// <summary>Hands jobs to the <see cref="JobSupervisor"/> of this node's actor system.</summary>
public sealed class ActorJobDispatcher(IRequiredActor<JobSupervisor> supervisor) : IJobDispatcher
{
    // A job that cannot be told now (the actor system is still starting) is not lost: it is stored QUEUED and the
    // supervisor's periodic look for queued jobs picks it up.
    public void Dispatch(JobTicket ticket) => supervisor.ActorRef.Tell(ticket);

    public void Cancel(Guid jobId) => supervisor.ActorRef.Tell(new CancelJob(jobId));
}
