using Drm.Engine.Credentials;
using GraphQL.Types;

namespace Drm.GraphQL.Credentials;

public sealed class WebPaEndpointType : ObjectGraphType<WebPaEndpoint>
{
    public WebPaEndpointType()
    {
        Name = "WebpaEndpoint";
        Field(e => e.BaseUrl).Description("Tr1d1um base URL, e.g. http://tr1d1um:6100/api/v3.");
        Field(e => e.CpeId).Description("WRP device ID, e.g. mac:112233445566.");
        Field(e => e.Service);
        Field<NonNullGraphType<EndpointAuthType>>("auth").Resolve(c => c.Source.Auth);
        Field<NonNullGraphType<FloatGraphType>>("timeout").Description("Seconds.").Resolve(c => c.Source.TimeoutMs / 1000.0);
        Field(e => e.UpdatedAt);
    }
}
