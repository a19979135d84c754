namespace Drm.Engine.Jobs.Actors;

public sealed record ResumableJobsFound(IReadOnlyList<JobTicket> Tickets);
