namespace Drm.Protocols.Usp;

/// <summary>
/// A USP agent reached over the MQTT MTP: the broker (<c>mqtt://host:1883</c>), the agent's endpoint ID and topic,
/// and our controller's endpoint ID.
/// </summary>
public sealed record UspTarget(Uri BrokerUrl, string AgentEndpointId, string AgentTopic, string ControllerEndpointId)
{
    /// <summary>MQTT user name and password for the broker, when it asks for them.</summary>
    public (string Username, string Password)? Credentials { get; init; }

    /// <summary>Time to wait for the agent's answer (and for the broker to accept the connection).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
