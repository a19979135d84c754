using Drm.Engine.Jobs;
using Drm.Protocols.Snmp;
using GraphQL.Types;

namespace Drm.GraphQL.Jobs;

public sealed class SnmpVarBindInputType : InputObjectGraphType<SnmpSetItem>
{
    public SnmpVarBindInputType()
    {
        Name = "SnmpVarBindInput";
        Field<NonNullGraphType<StringGraphType>>("oid").Description("Numeric OID, e.g. 1.3.6.1.2.1.1.5.0.");
        Field<NonNullGraphType<StringGraphType>>("type").Description($"net-snmp's type letter or name: {SnmpValueParser.TypesHelp}.");
        Field<NonNullGraphType<StringGraphType>>("value");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new SnmpSetItem((string)value["oid"]!, (string)value["type"]!, (string)value["value"]!);
}
