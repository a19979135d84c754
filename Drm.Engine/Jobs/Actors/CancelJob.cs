namespace Drm.Engine.Jobs.Actors;

public sealed record CancelJob(Guid JobId);
