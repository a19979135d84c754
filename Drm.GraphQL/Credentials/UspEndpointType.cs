using Drm.Engine.Credentials;
using GraphQL.Types;

namespace Drm.GraphQL.Credentials;

public sealed class UspEndpointType : ObjectGraphType<UspEndpoint>
{
    public UspEndpointType()
    {
        Name = "UspEndpoint";
        Field(e => e.AgentEndpointId).Description("The agent's USP endpoint ID, e.g. os::012345-ABCDEF.");
        Field<NonNullGraphType<UspTransportType>>("transport").Resolve(c => c.Source.Transport);
        Field(e => e.BaseUrl).Description("HTTP URL, MQTT broker URL or WebSocket URL.");
        Field(e => e.MqttTopic, nullable: true).Description("The agent's MQTT topic.");
        Field<NonNullGraphType<EndpointAuthType>>("auth").Resolve(c => c.Source.Auth);
        Field<NonNullGraphType<FloatGraphType>>("timeout").Description("Seconds.").Resolve(c => c.Source.TimeoutMs / 1000.0);
        Field(e => e.UpdatedAt);
    }
}
