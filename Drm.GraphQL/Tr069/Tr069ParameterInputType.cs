using Drm.Engine.Tr069;
using GraphQL.Types;

namespace Drm.GraphQL.Tr069;

public sealed class Tr069ParameterInputType : InputObjectGraphType<Tr069SetItem>
{
    public Tr069ParameterInputType()
    {
        Name = "Tr069ParameterInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Instance path, e.g. Device.ManagementServer.PeriodicInformInterval.");
        Field<NonNullGraphType<StringGraphType>>("value");
        Field<StringGraphType>("type")
            .Description("xsd type (string, int, unsignedInt, long, unsignedLong, boolean, dateTime, base64, hexBinary, decimal); by default the parameter's type in the TR-181 catalog.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new Tr069SetItem((string)value["name"]!, (string)value["value"]!, value.TryGetValue("type", out var type) ? (string?)type : null);
}
