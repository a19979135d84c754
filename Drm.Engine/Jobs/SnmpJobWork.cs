using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Drm.Engine.Credentials;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Transport;

namespace Drm.Engine.Jobs;

/// <summary>
/// SNMP GET, SET and BULKWALK jobs. A bulkwalk is a stream: the client's batches (several subtrees at once) are grouped
/// and written with binary COPY one group at a time, so a slow database slows the walk instead of filling memory.
/// </summary>
public sealed class SnmpJobWork(CredentialService credentials, JobStore store, SnmpUdpTransport transport, JobEngineOptions options) : IJobWork
{
    public async Task RunAsync(JobTicket ticket, Job job, JobProgress progress, IMaterializer materializer, CancellationToken cancellationToken)
    {
        var context = new TenantContext(ticket.TenantId, ticket.UserId, UserRole.Operator);
        var deviceId = ticket.DeviceId ?? throw new InvalidOperationException("An SNMP job needs a device.");
        var agent = await credentials.LoadSnmpAgentAsync(context, deviceId, cancellationToken).ConfigureAwait(false);
        var client = new SnmpClient(transport, agent);
        var parameters = job.Parameters.RootElement;
        switch (job.Kind)
        {
            case JobKind.SnmpGet:
                var oids = parameters.GetProperty("oids").EnumerateArray().Select(o => ObjectIdentifier.Parse(o.GetString()!)).ToArray();
                await WriteAsync(await client.GetAsync(oids, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                break;
            case JobKind.SnmpSet:
                var varBinds = parameters.GetProperty("varbinds").EnumerateArray()
                    .Select(v => new VarBind(
                        ObjectIdentifier.Parse(v.GetProperty("oid").GetString()!),
                        SnmpValueParser.Parse(v.GetProperty("type").GetString()!, v.GetProperty("value").GetString()!)))
                    .ToArray();
                await WriteAsync(await client.SetAsync(varBinds, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                break;
            case JobKind.SnmpBulkwalk:
                await WalkAsync(ticket, client, parameters, progress, materializer, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"{job.Kind} is not an SNMP job.");
        }

        async Task WriteAsync(IReadOnlyList<VarBind> result)
        {
            await store.WriteResultsAsync(ticket, 1, result, cancellationToken).ConfigureAwait(false);
            await progress.AddAsync(result.Count, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WalkAsync(
        JobTicket ticket, SnmpClient client, System.Text.Json.JsonElement parameters, JobProgress progress, IMaterializer materializer,
        CancellationToken cancellationToken)
    {
        var roots = parameters.GetProperty("oids").EnumerateArray().Select(o => ObjectIdentifier.Parse(o.GetString()!)).ToArray();
        var walkOptions = new BulkWalkOptions
        {
            MaxRepetitions = parameters.TryGetProperty("maxRepetitions", out var m) && m.ValueKind == System.Text.Json.JsonValueKind.Number ? m.GetInt32() : null,
        };
        var batchesPerGroup = Math.Max(1, options.ResultBatchRows / Math.Max(1, walkOptions.MaxRepetitions ?? client.Agent.MaxRepetitions));
        var batches = Source.From(roots)
            .MergeMany(options.WalksPerJob, root => Source.From(() => client.BulkWalkAsync(root, walkOptions, cancellationToken)));
        var written = batches
            .ViaMaterialized(KillSwitches.Single<IReadOnlyList<VarBind>>(), Keep.Right)
            .Via(ResultWriterFlow.Create(batchesPerGroup, options.ResultGroupInterval, async (first, rows) =>
            {
                await store.WriteResultsAsync(ticket, first, rows, cancellationToken).ConfigureAwait(false);
                await progress.AddAsync(rows.Count, cancellationToken).ConfigureAwait(false);
            }));
        var (killSwitch, completion) = written.ToMaterialized(Sink.Ignore<long>(), Keep.Both).Run(materializer);
        // Cancelling aborts the stream at once; requests in flight are abandoned (their answers are dropped).
        await using var registration = cancellationToken.Register(() => killSwitch.Abort(new OperationCanceledException(cancellationToken)));
        await completion.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
