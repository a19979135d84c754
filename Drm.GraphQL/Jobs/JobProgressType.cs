using Drm.Engine.Jobs;
using Drm.GraphQL.Execution;
using GraphQL.Types;

namespace Drm.GraphQL.Jobs;

public sealed class JobProgressType : ObjectGraphType<Job>
{
    public JobProgressType()
    {
        Name = "JobProgress";
        Field<NonNullGraphType<LongGraphType>>("itemsDone").Resolve(c => c.Source.ItemsDone);
        Field<LongGraphType>("itemsExpected").Description("Known for GET and SET; a walk does not know its size in advance.").Resolve(c => c.Source.ItemsExpected);
        Field<FloatGraphType>("percent").Resolve(c => c.Source.Percent);
        Field<FloatGraphType>("rate").Description("Items per second since the job started.")
            .Resolve(c => c.Source.Rate(c.Service<TimeProvider>().GetUtcNow()));
    }
}
