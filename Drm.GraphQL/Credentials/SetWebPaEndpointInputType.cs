using Drm.Engine.Credentials;
using Drm.GraphQL.Devices;
using Drm.GraphQL.Relay;
using GraphQL.Types;

namespace Drm.GraphQL.Credentials;

public sealed class SetWebPaEndpointInputType : InputObjectGraphType<SetWebPaEndpointInput>
{
    public SetWebPaEndpointInputType()
    {
        Name = "SetWebpaEndpointInput";
        Field<NonNullGraphType<IdGraphType>>("deviceId");
        Field<StringGraphType>("baseUrl").Description("Tr1d1um's API base, e.g. http://tr1d1um:6100/api/v3; default WEBPA_BASE_URL.");
        Field<NonNullGraphType<StringGraphType>>("cpeId").Description("WRP device ID, e.g. mac:112233445566.");
        Field<StringGraphType>("service").Description("Default WEBPA_SERVICE (config).");
        Field<EndpointAuthInputType>("auth");
        Field<FloatGraphType>("timeout").Description("Seconds; default WEBPA_TIMEOUT.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new SetWebPaEndpointInput(
        GlobalId.Decode(value["deviceId"], DeviceType.TypeName),
        value.Text("baseUrl"),
        (string)value["cpeId"]!,
        value.TryGetValue("auth", out var auth) ? (EndpointAuthInput?)auth : null,
        value.Text("service"),
        value.Double("timeout"));
}
