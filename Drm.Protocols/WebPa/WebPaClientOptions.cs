namespace Drm.Protocols.WebPa;

/// <summary>Defaults for WebPA (Tr1d1um) requests; a device's endpoint overrides them.</summary>
public sealed record WebPaClientOptions
{
    /// <summary>Tr1d1um base URL used when a device's endpoint names none, e.g. <c>http://tr1d1um:6100/api/v3</c>.</summary>
    /// <value>None (<c>WEBPA_BASE_URL</c>).</value>
    public Uri? BaseUrl { get; init; }

    /// <summary>Time to wait for Tr1d1um to answer one request.</summary>
    /// <value>30 seconds (<c>WEBPA_TIMEOUT</c>).</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a request that failed transiently.</summary>
    /// <value>2 (<c>WEBPA_RETRIES</c>).</value>
    public int Retries { get; init; } = 2;

    /// <summary>The WRP service addressed on the device.</summary>
    /// <value><c>config</c> (<c>WEBPA_SERVICE</c>).</value>
    public string Service { get; init; } = "config";
}
