using Drm.Engine.Jobs;
using GraphQL.Types;

namespace Drm.GraphQL.Jobs;

// The job enumerations share one file, like the credential enumerations.

public sealed class JobStatusType : EnumerationGraphType<JobStatus>
{
    public JobStatusType()
    {
        Name = "JobStatus";
        Description = "QUEUED → RUNNING → COMPLETED | FAILED | CANCELLED.";
    }
}

public sealed class JobKindType : EnumerationGraphType
{
    public JobKindType()
    {
        Name = "JobKind";
        foreach (var kind in Enum.GetValues<JobKind>())
        {
            Add(JobNames.Of(kind), kind);
        }
    }
}
