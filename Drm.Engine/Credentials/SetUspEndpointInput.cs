namespace Drm.Engine.Credentials;

public sealed record SetUspEndpointInput(
    Guid DeviceId,
    string AgentEndpointId,
    string Transport,
    string? BaseUrl,
    string? MqttTopic = null,
    EndpointAuthInput? Auth = null,
    double? TimeoutSeconds = null);
