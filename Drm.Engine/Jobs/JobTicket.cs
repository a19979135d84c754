namespace Drm.Engine.Jobs;

/// <summary>A stored job handed to the engine, with the tenant and user whose context every write of it runs in.</summary>
public sealed record JobTicket(Guid JobId, Guid TenantId, Guid UserId, Guid? DeviceId);
