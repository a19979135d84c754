namespace Drm.Protocols.Tr069;

/// <summary>
/// One CPE behind an ACS's northbound API (GenieACS NBI): the API base (e.g. <c>http://genieacs:7557</c>), the ACS
/// device id (<c>OUI-ProductClass-SerialNumber</c>, as GenieACS escapes it) and how to reach the CPE.
/// </summary>
public sealed record AcsTarget(Uri BaseUrl, string DeviceId)
{
    /// <summary>A header to send with each request (GenieACS's NBI has no auth of its own; a proxy in front may).</summary>
    public (string Name, string Value)? AuthHeader { get; init; }

    /// <summary>Time to wait for one answer of the NBI.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// True: the ACS sends the CPE a connection request and the task runs at once. False: the task waits for the CPE's
    /// next inform, at most <see cref="ConnectionRequestTimeout"/>.
    /// </summary>
    public bool ConnectionRequest { get; init; } = true;

    /// <summary>How long the CPE may take to open its session (with a connection request) or to inform (without).</summary>
    public TimeSpan ConnectionRequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a task that waits for an inform is looked at.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
