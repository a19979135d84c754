namespace Drm.Engine.Credentials;

public sealed record SetWebPaEndpointInput(
    Guid DeviceId, string? BaseUrl, string CpeId, EndpointAuthInput? Auth = null, string? Service = null, double? TimeoutSeconds = null);
