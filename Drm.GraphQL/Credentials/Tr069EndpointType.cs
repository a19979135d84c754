using Drm.Engine.Credentials;
using GraphQL.Types;

namespace Drm.GraphQL.Credentials;

public sealed class Tr069EndpointType : ObjectGraphType<Tr069Endpoint>
{
    public Tr069EndpointType()
    {
        Name = "Tr069Endpoint";
        Field(e => e.BaseUrl).Description("ACS northbound API base URL, e.g. http://genieacs:7557.");
        Field(e => e.CpeId).Description("The ACS device ID, OUI-ProductClass-SerialNumber.");
        Field(e => e.ConnectionRequest).Description("Ask the ACS to wake the CPE with a connection request.");
        Field<NonNullGraphType<EndpointAuthType>>("auth").Resolve(c => c.Source.Auth);
        Field<NonNullGraphType<FloatGraphType>>("timeout").Description("Seconds.").Resolve(c => c.Source.TimeoutMs / 1000.0);
        Field(e => e.UpdatedAt);
    }
}
