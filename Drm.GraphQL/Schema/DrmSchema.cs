using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Drm.GraphQL.Schema;

public sealed class DrmSchema : global::GraphQL.Types.Schema
{
    public DrmSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<QueryType>();
        Mutation = services.GetRequiredService<MutationType>();
        Subscription = services.GetRequiredService<SubscriptionType>();
        Description = "DRM Engine: device remote management over SNMP, WebPA, TR-069 and USP.";

        // An IDE's full introspection query scores about 500,000 by default though it only reads the in-memory schema;
        // counting it at 0.2% keeps it well under the limit while aliasing it many times still is not.
        this.WithIntrospectionComplexityImpact(0.002);
    }
}
