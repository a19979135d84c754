namespace Drm.Engine.Jobs.Actors;

/// <summary>A device actor tells the supervisor that a job no longer occupies a slot.</summary>
public sealed record JobEnded(JobTicket Ticket);
