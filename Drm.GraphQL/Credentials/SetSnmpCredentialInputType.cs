using Drm.Engine.Credentials;
using Drm.GraphQL.Devices;
using Drm.GraphQL.Relay;
using GraphQL.Types;

namespace Drm.GraphQL.Credentials;

public sealed class SetSnmpCredentialInputType : InputObjectGraphType<SetSnmpCredentialInput>
{
    public SetSnmpCredentialInputType()
    {
        Name = "SetSnmpCredentialInput";
        Description = "Replaces the device's SNMP settings. A secret left out keeps the stored one; an empty string clears it.";
        Field<NonNullGraphType<IdGraphType>>("deviceId");
        Field<NonNullGraphType<SnmpVersionType>>("version");
        Field<StringGraphType>("community").Description("v1/v2c community (write-only).");
        Field<StringGraphType>("username").Description("v3 user name.");
        Field<SnmpAuthProtocolType>("authProtocol");
        Field<StringGraphType>("authPassword").Description("Write-only, at least 8 characters.");
        Field<SnmpPrivProtocolType>("privProtocol");
        Field<StringGraphType>("privPassword").Description("Write-only, at least 8 characters.");
        Field<StringGraphType>("contextName");
        Field<IntGraphType>("port").Description("Default SNMP_DEFAULT_PORT.");
        Field<FloatGraphType>("timeout").Description("Seconds per attempt; default SNMP_DEFAULT_TIMEOUT.");
        Field<IntGraphType>("retries").Description("Default SNMP_DEFAULT_RETRIES.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new SetSnmpCredentialInput(
        GlobalId.Decode(value["deviceId"], DeviceType.TypeName),
        (string)value["version"]!,
        value.Text("community"),
        value.Text("username"),
        value.Text("authProtocol"),
        value.Text("authPassword"),
        value.Text("privProtocol"),
        value.Text("privPassword"),
        value.Text("contextName"),
        value.Int("port"),
        value.Double("timeout"),
        value.Int("retries"));
}
