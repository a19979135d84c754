namespace Drm.Engine.Credentials;

/// <summary>A USP agent: its endpoint ID and the message transfer protocol (<c>http</c>, <c>mqtt</c>, <c>websocket</c>) that reaches it.</summary>
public sealed record UspEndpoint(
    Guid DeviceId,
    string AgentEndpointId,
    string Transport,
    string BaseUrl,
    string? MqttTopic,
    EndpointAuth Auth,
    int TimeoutMs,
    DateTimeOffset UpdatedAt);
