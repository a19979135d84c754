using Akka.Streams;
using Drm.Engine.Credentials;
using Drm.Engine.Jobs;
using Drm.Engine.Tenancy;
using Drm.Engine.Tr181;
using Drm.Engine.Users;
using Drm.Protocols.Usp;

namespace Drm.Engine.Usp;

/// <summary>
/// USP_GET and USP_SET jobs: one USP message to the agent each, over MQTT or WebSocket. Results are the parameters read or set,
/// named by path in the result's <c>oid</c>; USP carries no types, so each is labelled with its type in the TR-181
/// catalog (<c>string</c> where the catalog has none).
/// </summary>
public sealed class UspJobWork(CredentialService credentials, UspClient client, Tr181Service tr181, JobStore store) : IJobWork
{
    public async Task RunAsync(JobTicket ticket, Job job, JobProgress progress, IMaterializer materializer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        var context = new TenantContext(ticket.TenantId, ticket.UserId, UserRole.Operator);
        var deviceId = ticket.DeviceId ?? throw new InvalidOperationException("A USP job needs a device.");
        var target = await credentials.LoadUspTargetAsync(context, deviceId, cancellationToken).ConfigureAwait(false);
        var parameters = job.Parameters.RootElement;
        IReadOnlyList<UspParameter> values;
        switch (job.Kind)
        {
            case JobKind.UspGet:
                var names = parameters.GetProperty("names").EnumerateArray().Select(n => n.GetString()!).ToList();
                values = await client.GetAsync(target, names, cancellationToken).ConfigureAwait(false);
                break;
            case JobKind.UspSet:
                var sent = parameters.GetProperty("parameters").EnumerateArray()
                    .Select(p => new UspParameter(p.GetProperty("name").GetString()!, p.GetProperty("value").GetString()!))
                    .ToList();
                await client.SetAsync(target, sent, cancellationToken).ConfigureAwait(false);
                values = sent;
                break;
            default:
                throw new InvalidOperationException($"{job.Kind} is not a USP job.");
        }

        var known = await tr181.FindAllAsync(context, values.Select(v => v.Path).ToList(), cancellationToken).ConfigureAwait(false);
        var rows = values.Select((v, i) => (v.Path, known[i]?.BaseType ?? "string", v.Value)).ToList();
        await store.WriteRowsAsync(ticket, rows, cancellationToken).ConfigureAwait(false);
        await progress.AddAsync(rows.Count, cancellationToken).ConfigureAwait(false);
    }
}
