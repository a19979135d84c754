using Akka.Streams;
using Drm.Engine.Mibs;
using Drm.Engine.Tr069;
using Drm.Engine.Tr181;
using Drm.Engine.Usp;
using Drm.Engine.WebPa;

namespace Drm.Engine.Jobs;

/// <summary>Hands each claimed job to the work of its kind.</summary>
public sealed class JobWorkRouter(SnmpJobWork snmp, MibParseJobWork mibParse, Tr181ImportJobWork tr181Import, WebPaJobWork webPa, Tr069JobWork tr069, UspJobWork usp) : IJobWork
{
    public Task RunAsync(JobTicket ticket, Job job, JobProgress progress, IMaterializer materializer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        IJobWork work = job.Kind switch
        {
            JobKind.SnmpGet or JobKind.SnmpSet or JobKind.SnmpBulkwalk => snmp,
            JobKind.MibParse => mibParse,
            JobKind.Tr181Import => tr181Import,
            JobKind.WebPaGet or JobKind.WebPaSet => webPa,
            JobKind.Tr069Get or JobKind.Tr069Set => tr069,
            JobKind.UspGet or JobKind.UspSet => usp,
            _ => throw new NotSupportedException($"{JobNames.Of(job.Kind)} jobs come with their protocol's client; this engine cannot run them yet."),
        };
        return work.RunAsync(ticket, job, progress, materializer, cancellationToken);
    }
}
