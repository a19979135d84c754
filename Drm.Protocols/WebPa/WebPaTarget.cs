namespace Drm.Protocols.WebPa;

/// <summary>
/// One device behind a Tr1d1um server: the server's API base (e.g. <c>http://tr1d1um:6100/api/v3</c>), the WRP device
/// id (<c>mac:112233445566</c>), the WRP service (<c>config</c>) and how to authenticate to the server.
/// </summary>
public sealed record WebPaTarget(Uri BaseUrl, string DeviceId, string Service)
{
    /// <summary>A header to send with each request, e.g. <c>("Authorization", "Bearer …")</c> or an API key header.</summary>
    public (string Name, string Value)? AuthHeader { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a request that failed transiently (network, 503, 504, timeout).</summary>
    public int Retries { get; init; } = 2;
}
