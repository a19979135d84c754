using Drm.GraphQL.Execution;
using GraphQL;
using GraphQL.Types;

namespace Drm.GraphQL.Schema;

public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        Field<NonNullGraphType<DateTimeOffsetGraphType>, DateTimeOffset>("serverTime")
            .Description("The server's clock, once a second: a smoke test for the WebSocket and SSE transports.")
            .ResolveStream(c => new ServerClock(c.Service<TimeProvider>()));
    }
}
