using Drm.Engine.Jobs;
using Drm.GraphQL.Execution;
using Drm.GraphQL.Jobs;
using Drm.GraphQL.Relay;
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

        Field<NonNullGraphType<JobType>, Job>("jobProgress")
            .Description("One job: its current state, then each change (progress a few times a second), ending with its final state.")
            .Argument<NonNullGraphType<IdGraphType>>("jobId")
            .ResolveStream(c => JobFeed.ForJob(
                c.Service<JobNotificationHub>(), c.Service<JobService>(), c.Caller(), GlobalId.Decode(c.GetArgument<string>("jobId"), JobType.TypeName)));

        Field<NonNullGraphType<JobType>, Job>("jobUpdates")
            .Description("Every change of every job of your tenant, optionally only those that reach a status.")
            .Argument<JobStatusType>("status")
            .ResolveStream(c => JobFeed.ForTenant(c.Service<JobNotificationHub>(), c.Service<JobService>(), c.Caller(), c.GetArgument<JobStatus?>("status")));
    }
}
