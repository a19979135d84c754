namespace Drm.Engine.Jobs;

/// <summary>How services hand stored jobs to the engine; the engine's actor system implements it.</summary>
public interface IJobDispatcher
{
    public void Dispatch(JobTicket ticket);

    public void Cancel(Guid jobId);
}
