using Akka.Streams;
using Drm.Engine.Credentials;
using Drm.Engine.Jobs;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Drm.Protocols.Tr069;

namespace Drm.Engine.Tr069;

/// <summary>
/// TR069_GET and TR069_SET jobs: one task through the device's ACS each. Results are the parameters read, or the
/// parameters set with the values sent, named by path in the result's <c>oid</c>.
/// </summary>
public sealed class Tr069JobWork(CredentialService credentials, GenieAcsClient client, JobStore store) : IJobWork
{
    public async Task RunAsync(JobTicket ticket, Job job, JobProgress progress, IMaterializer materializer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        var context = new TenantContext(ticket.TenantId, ticket.UserId, UserRole.Operator);
        var deviceId = ticket.DeviceId ?? throw new InvalidOperationException("A TR-069 job needs a device.");
        var target = await credentials.LoadAcsTargetAsync(context, deviceId, cancellationToken).ConfigureAwait(false);
        var parameters = job.Parameters.RootElement;
        IReadOnlyList<Tr069Parameter> rows;
        switch (job.Kind)
        {
            case JobKind.Tr069Get:
                var names = parameters.GetProperty("names").EnumerateArray().Select(n => n.GetString()!).ToList();
                rows = await client.GetAsync(target, names, cancellationToken).ConfigureAwait(false);
                break;
            case JobKind.Tr069Set:
                rows = parameters.GetProperty("parameters").EnumerateArray()
                    .Select(p => new Tr069Parameter(p.GetProperty("name").GetString()!, p.GetProperty("value").GetString()!, p.GetProperty("type").GetString()!))
                    .ToList();
                await client.SetAsync(target, rows, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"{job.Kind} is not a TR-069 job.");
        }

        await store.WriteRowsAsync(ticket, rows.Select(r => (r.Name, r.Type, r.Value)).ToList(), cancellationToken).ConfigureAwait(false);
        await progress.AddAsync(rows.Count, cancellationToken).ConfigureAwait(false);
    }
}
