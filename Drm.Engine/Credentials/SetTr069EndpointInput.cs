namespace Drm.Engine.Credentials;

public sealed record SetTr069EndpointInput(
    Guid DeviceId,
    string? BaseUrl,
    string CpeId,
    EndpointAuthInput? Auth = null,
    bool? ConnectionRequest = null,
    double? TimeoutSeconds = null);
