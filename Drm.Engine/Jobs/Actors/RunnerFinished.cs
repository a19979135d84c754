namespace Drm.Engine.Jobs.Actors;

/// <summary>A runner tells its device actor that it wrote its job's final state and is stopping.</summary>
public sealed record RunnerFinished(JobTicket Ticket);
