namespace Drm.Protocols.Tr069;

/// <summary>Defaults for TR-069 work through an ACS northbound API (GenieACS NBI).</summary>
public sealed record Tr069ClientOptions
{
    /// <summary>ACS NBI base URL used when a device's endpoint names none, e.g. <c>http://genieacs:7557</c>.</summary>
    /// <value>None (<c>TR069_ACS_URL</c>).</value>
    public Uri? AcsUrl { get; init; }

    /// <summary>Time to wait for the ACS to answer one request.</summary>
    /// <value>30 seconds (<c>TR069_TIMEOUT</c>).</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the ACS waits for the CPE after a connection request.</summary>
    /// <value>10 seconds (<c>TR069_CONNECTION_REQUEST_TIMEOUT</c>).</value>
    public TimeSpan ConnectionRequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
