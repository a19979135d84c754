using Drm.Engine.Credentials;
using Drm.Engine.Devices;
using Drm.Engine.Tenancy;
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
            .Resolve(c => Credentials(c, "snmpCredential", (service, caller, ids, ct) => service.GetSnmpManyAsync(caller, ids, ct)));
        Field<WebPaEndpointType>("webpaEndpoint")
            .Resolve(c => Credentials(c, "webpaEndpoint", (service, caller, ids, ct) => service.GetWebPaManyAsync(caller, ids, ct)));
        Field<Tr069EndpointType>("tr069Endpoint")
            .Resolve(c => Credentials(c, "tr069Endpoint", (service, caller, ids, ct) => service.GetTr069ManyAsync(caller, ids, ct)));
        Field<UspEndpointType>("uspEndpoint")
            .Resolve(c => Credentials(c, "uspEndpoint", (service, caller, ids, ct) => service.GetUspManyAsync(caller, ids, ct)));
    }

    // A page of devices reads each kind of credential once, not once per device.
    private static object Credentials<T>(
        IResolveFieldContext<Device> context,
        string field,
        Func<CredentialService, TenantContext, IReadOnlyCollection<Guid>, CancellationToken, Task<IReadOnlyDictionary<Guid, T>>> read)
        where T : class
    {
        var service = context.Service<CredentialService>();
        var caller = context.Caller();
        return context.Batch<T>($"Device.{field}", (ids, ct) => read(service, caller, ids, ct)).Load(context.Source.Id);
    }
}
