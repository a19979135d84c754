using Drm.Engine.Tr181;
using GraphQL.Types;

namespace Drm.GraphQL.Tr181;

public sealed class Tr181ValueInputType : InputObjectGraphType<Tr181ValueInput>
{
    public Tr181ValueInputType()
    {
        Name = "Tr181ValueInput";
        Field<NonNullGraphType<StringGraphType>>("path").Description("An instance path: Device.WiFi.SSID.1.SSID.");
        Field<NonNullGraphType<StringGraphType>>("value").Description("The value as text, as WebPA, TR-069 and USP carry it.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new Tr181ValueInput((string)value["path"]!, (string)value["value"]!);
}
