using Drm.Engine.Credentials;
using Drm.Engine.Devices;
using Drm.GraphQL.Credentials;
using Drm.GraphQL.Execution;
using Drm.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;

namespace Drm.GraphQL.Devices;

public sealed class DeviceType : ObjectGraphType<Device>
{
    public const string TypeName = "Device";

    public DeviceType()
    {
        Name = TypeName;
        Description = "A managed device: a gateway, switch or router reached over SNMP, WebPA, TR-069 or USP.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Device;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field(d => d.Name);
        Field(d => d.Address).Description("Host name, IPv4 or IPv6 address.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags").Resolve(c => c.Source.Tags);
        Field(d => d.Description, nullable: true);
        Field(d => d.CreatedAt);
        Field(d => d.UpdatedAt);
        Field<SnmpCredentialType>("snmpCredential")
            .Description("SNMP settings; secrets are never returned.")
            .ResolveAsync(async c => await c.Service<CredentialService>().GetSnmpAsync(c.Caller(), c.Source.Id, c.CancellationToken));
        Field<WebPaEndpointType>("webpaEndpoint")
            .ResolveAsync(async c => await c.Service<CredentialService>().GetWebPaAsync(c.Caller(), c.Source.Id, c.CancellationToken));
        Field<Tr069EndpointType>("tr069Endpoint")
            .ResolveAsync(async c => await c.Service<CredentialService>().GetTr069Async(c.Caller(), c.Source.Id, c.CancellationToken));
        Field<UspEndpointType>("uspEndpoint")
            .ResolveAsync(async c => await c.Service<CredentialService>().GetUspAsync(c.Caller(), c.Source.Id, c.CancellationToken));
    }
}
