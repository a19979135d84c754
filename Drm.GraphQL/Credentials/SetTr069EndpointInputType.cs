using Drm.Engine.Credentials;
using Drm.GraphQL.Devices;
using Drm.GraphQL.Relay;
using GraphQL.Types;

namespace Drm.GraphQL.Credentials;

public sealed class SetTr069EndpointInputType : InputObjectGraphType<SetTr069EndpointInput>
{
    public SetTr069EndpointInputType()
    {
        Name = "SetTr069EndpointInput";
        Field<NonNullGraphType<IdGraphType>>("deviceId");
        Field<StringGraphType>("baseUrl").Description("ACS northbound API, e.g. http://genieacs:7557; default TR069_ACS_URL.");
        Field<NonNullGraphType<StringGraphType>>("cpeId").Description("OUI-ProductClass-SerialNumber.");
        Field<BooleanGraphType>("connectionRequest").Description("Default true.");
        Field<EndpointAuthInputType>("auth");
        Field<FloatGraphType>("timeout").Description("Seconds; default TR069_TIMEOUT.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new SetTr069EndpointInput(
        GlobalId.Decode(value["deviceId"], DeviceType.TypeName),
        value.Text("baseUrl"),
        (string)value["cpeId"]!,
        value.TryGetValue("auth", out var auth) ? (EndpointAuthInput?)auth : null,
        value.Bool("connectionRequest"),
        value.Double("timeout"));
}
