namespace Drm.Engine.Jobs;

/// <summary><c>QUEUED → RUNNING → COMPLETED | FAILED | CANCELLED</c>.</summary>
public enum JobStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}
