using Drm.Engine.Usp;
using GraphQL.Types;

namespace Drm.GraphQL.Usp;

public sealed class UspParameterInputType : InputObjectGraphType<UspSetItem>
{
    public UspParameterInputType()
    {
        Name = "UspParameterInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Instance path, e.g. Device.WiFi.SSID.1.SSID.");
        Field<NonNullGraphType<StringGraphType>>("value");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new UspSetItem((string)value["name"]!, (string)value["value"]!);
}
