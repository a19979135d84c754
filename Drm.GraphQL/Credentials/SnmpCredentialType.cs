using Drm.Engine.Credentials;
using GraphQL.Types;

namespace Drm.GraphQL.Credentials;

public sealed class SnmpCredentialType : ObjectGraphType<SnmpCredential>
{
    public SnmpCredentialType()
    {
        Name = "SnmpCredential";
        Description = "A device's SNMP settings. Secrets are write-only: only whether each is set is shown.";
        Field<NonNullGraphType<SnmpVersionType>>("version").Resolve(c => c.Source.Version);
        Field(s => s.Username, nullable: true).Description("SNMPv3 user name.");
        Field<SnmpAuthProtocolType>("authProtocol").Resolve(c => c.Source.AuthProtocol);
        Field<SnmpPrivProtocolType>("privProtocol").Resolve(c => c.Source.PrivProtocol);
        Field(s => s.ContextName, nullable: true);
        Field(s => s.Port);
        Field<NonNullGraphType<FloatGraphType>>("timeout").Description("Seconds per attempt.").Resolve(c => c.Source.TimeoutMs / 1000.0);
        Field(s => s.Retries);
        Field(s => s.HasCommunity);
        Field(s => s.HasAuthPassword);
        Field(s => s.HasPrivPassword);
        Field(s => s.UpdatedAt);
    }
}
