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
    }
}
