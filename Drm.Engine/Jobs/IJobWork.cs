using Akka.Streams;

namespace Drm.Engine.Jobs;

/// <summary>The protocol work of a claimed job; it writes results through the store and counts them in <c>progress</c>.</summary>
public interface IJobWork
{
    public Task RunAsync(JobTicket ticket, Job job, JobProgress progress, IMaterializer materializer, CancellationToken cancellationToken);
}
