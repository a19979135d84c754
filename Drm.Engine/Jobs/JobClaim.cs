namespace Drm.Engine.Jobs;

public enum JobClaimOutcome
{
    /// <summary>This node now runs the job under a lease.</summary>
    Claimed,

    /// <summary>Finished, cancelled, out of attempts, or running under another node's live lease.</summary>
    NotRunnable,
}

/// <summary>The outcome of claiming a job, with the job as it now stands (null if it is not visible).</summary>
public sealed record JobClaim(JobClaimOutcome Outcome, Job? Job);
