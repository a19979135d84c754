using Drm.Engine.Jobs;
using GraphQL.Types;

namespace Drm.GraphQL.Jobs;

public sealed class JobResultType : ObjectGraphType<JobResult>
{
    public JobResultType()
    {
        Name = "JobResult";
        Description = "One value a job read or wrote: OID (or parameter path), net-snmp type name and value as text.";
        Field(r => r.Sequence).Description("Position in the job's results, from 1.");
        Field(r => r.Oid);
        Field(r => r.Type).Description("INTEGER, STRING, Hex-STRING, OID, IpAddress, Counter32, Gauge32, Timeticks, Counter64, Opaque, or an exception such as noSuchObject.");
        Field(r => r.Value);
    }
}
