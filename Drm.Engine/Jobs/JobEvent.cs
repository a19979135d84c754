namespace Drm.Engine.Jobs;

/// <summary>A line in a job's history: a status change or a notable moment (a retry, a resumption).</summary>
public sealed record JobEvent(long Sequence, DateTimeOffset At, JobStatus Status, string Message);
