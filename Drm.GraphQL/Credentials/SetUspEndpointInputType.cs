using Drm.Engine.Credentials;
using Drm.GraphQL.Devices;
using Drm.GraphQL.Relay;
using GraphQL.Types;

namespace Drm.GraphQL.Credentials;

public sealed class SetUspEndpointInputType : InputObjectGraphType<SetUspEndpointInput>
{
    public SetUspEndpointInputType()
    {
        Name = "SetUspEndpointInput";
        Field<NonNullGraphType<IdGraphType>>("deviceId");
        Field<NonNullGraphType<StringGraphType>>("agentEndpointId");
        Field<NonNullGraphType<UspTransportType>>("transport");
        Field<StringGraphType>("baseUrl").Description("http(s)://, mqtt(s)://, or ws(s):// as the transport needs; for MQTT, default USP_MQTT_BROKER_URL.");
        Field<StringGraphType>("mqttTopic").Description("Required for MQTT: the agent's topic.");
        Field<EndpointAuthInputType>("auth");
        Field<FloatGraphType>("timeout").Description("Seconds; default USP_TIMEOUT.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new SetUspEndpointInput(
        GlobalId.Decode(value["deviceId"], DeviceType.TypeName),
        (string)value["agentEndpointId"]!,
        (string)value["transport"]!,
        value.Text("baseUrl"),
        value.Text("mqttTopic"),
        value.TryGetValue("auth", out var auth) ? (EndpointAuthInput?)auth : null,
        value.Double("timeout"));
}
