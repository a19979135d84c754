using Drm.Engine.Jobs;
using GraphQL.Types;

namespace Drm.GraphQL.Jobs;

public sealed class JobEventType : ObjectGraphType<JobEvent>
{
    public JobEventType()
    {
        Name = "JobEvent";
        Description = "A line of a job's history.";
        Field(e => e.At);
        Field<NonNullGraphType<JobStatusType>>("status").Resolve(c => c.Source.Status);
        Field(e => e.Message);
    }
}
