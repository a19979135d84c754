namespace Drm.Protocols.Usp;

/// <summary>Defaults for USP (TR-369) controllers talking to agents.</summary>
public sealed record UspClientOptions
{
    /// <summary>Our controller's USP endpoint ID.</summary>
    /// <value><c>self::drm-controller</c> (<c>USP_CONTROLLER_ENDPOINT_ID</c>).</value>
    public string ControllerEndpointId { get; init; } = "self::drm-controller";

    /// <summary>MQTT broker used when a device's endpoint names none, e.g. <c>mqtt://127.0.0.1:1883</c>.</summary>
    /// <value>None (<c>USP_MQTT_BROKER_URL</c>).</value>
    public Uri? MqttBrokerUrl { get; init; }

    /// <summary>Time to wait for an agent's USP response.</summary>
    /// <value>30 seconds (<c>USP_TIMEOUT</c>).</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
