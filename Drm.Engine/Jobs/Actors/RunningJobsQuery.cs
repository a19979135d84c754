namespace Drm.Engine.Jobs.Actors;

/// <summary>Asks the supervisor what this node is doing (tests and health checks).</summary>
public sealed record RunningJobsQuery
{
    public static readonly RunningJobsQuery Instance = new();
}
