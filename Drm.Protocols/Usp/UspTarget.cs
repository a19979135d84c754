namespace Drm.Protocols.Usp;

/// <summary>
/// A USP agent and how to reach it: over MQTT, <see cref="Url"/> is the broker (<c>mqtt://host:1883</c>) and
/// <see cref="AgentTopic"/> the agent's topic; over WebSocket, <see cref="Url"/> is the agent's own WebSocket server
/// (<c>ws://agent:8080/usp</c>).
/// </summary>
public sealed record UspTarget(Uri Url, string AgentEndpointId, string ControllerEndpointId)
{
    /// <summary>The agent's MQTT topic; required over MQTT.</summary>
    public string? AgentTopic { get; init; }

    /// <summary>User name and password: MQTT's own for a broker, HTTP Basic for a WebSocket server.</summary>
    public (string Username, string Password)? Credentials { get; init; }

    /// <summary>Time to wait for the agent's answer (and for the broker or server to accept the connection).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
