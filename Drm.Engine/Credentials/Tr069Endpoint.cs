namespace Drm.Engine.Credentials;

/// <summary>A device reached through an ACS northbound API as the ACS device <see cref="CpeId"/> (<c>OUI-ProductClass-Serial</c>).</summary>
public sealed record Tr069Endpoint(
    Guid DeviceId, string BaseUrl, string CpeId, bool ConnectionRequest, EndpointAuth Auth, int TimeoutMs, DateTimeOffset UpdatedAt);
