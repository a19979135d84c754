namespace Drm.Engine.Credentials;

/// <summary>A device reached through a WebPA (Tr1d1um) server as the WRP device <see cref="CpeId"/> (e.g. <c>mac:112233445566</c>).</summary>
public sealed record WebPaEndpoint(
    Guid DeviceId, string BaseUrl, string CpeId, string Service, EndpointAuth Auth, int TimeoutMs, DateTimeOffset UpdatedAt);
