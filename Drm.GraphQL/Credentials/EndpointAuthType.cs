using Drm.Engine.Credentials;
using GraphQL.Types;

namespace Drm.GraphQL.Credentials;

public sealed class EndpointAuthType : ObjectGraphType<EndpointAuth>
{
    public EndpointAuthType()
    {
        Name = "EndpointAuth";
        Description = "How we authenticate to the endpoint. The password, token or key is write-only.";
        Field<NonNullGraphType<EndpointAuthKindType>>("type").Resolve(c => c.Source.Type);
        Field(a => a.Username, nullable: true);
        Field(a => a.HeaderName, nullable: true);
        Field(a => a.HasSecret).Description("Whether a password, token or API key is stored.");
    }
}
