namespace Drm.Engine.Jobs.Actors;

public sealed record RunningJobs(IReadOnlyList<Guid> JobIds, int Waiting, int DeviceActors);
