using Akka.Streams;
using Drm.Engine.Credentials;
using Drm.Engine.Jobs;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Drm.Protocols.WebPa;

namespace Drm.Engine.WebPa;

/// <summary>
/// WEBPA_GET and WEBPA_SET jobs: one request to the device's Tr1d1um server each. Results are the parameters read, or
/// the parameters set with the values sent, named by path in the result's <c>oid</c>.
/// </summary>
public sealed class WebPaJobWork(CredentialService credentials, WebPaClient client, JobStore store) : IJobWork
{
    public async Task RunAsync(JobTicket ticket, Job job, JobProgress progress, IMaterializer materializer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        var context = new TenantContext(ticket.TenantId, ticket.UserId, UserRole.Operator);
        var deviceId = ticket.DeviceId ?? throw new InvalidOperationException("A WebPA job needs a device.");
        var target = await credentials.LoadWebPaTargetAsync(context, deviceId, cancellationToken).ConfigureAwait(false);
        var parameters = job.Parameters.RootElement;
        List<(string Oid, string Type, string Value)> rows;
        switch (job.Kind)
        {
            case JobKind.WebPaGet:
                var names = parameters.GetProperty("names").EnumerateArray().Select(n => n.GetString()!).ToList();
                var values = await client.GetAsync(target, names, cancellationToken).ConfigureAwait(false);
                rows = values.Select(v => (v.Name, TypeName(v.DataType), v.Value)).ToList();
                break;
            case JobKind.WebPaSet:
                var sent = parameters.GetProperty("parameters").EnumerateArray()
                    .Select(p => new WebPaParameter(p.GetProperty("name").GetString()!, p.GetProperty("value").GetString()!, (WebPaDataType)p.GetProperty("dataType").GetInt32()))
                    .ToList();
                await client.SetAsync(target, sent, cancellationToken).ConfigureAwait(false);
                rows = sent.Select(p => (p.Name, TypeName(p.DataType), p.Value)).ToList();
                break;
            default:
                throw new InvalidOperationException($"{job.Kind} is not a WebPA job.");
        }

        await store.WriteRowsAsync(ticket, rows, cancellationToken).ConfigureAwait(false);
        await progress.AddAsync(rows.Count, cancellationToken).ConfigureAwait(false);
    }

    // The TR-181 names of the WDMP types, as the catalog shows them.
    private static string TypeName(WebPaDataType type) => type switch
    {
        WebPaDataType.Int => "int",
        WebPaDataType.UnsignedInt => "unsignedInt",
        WebPaDataType.Boolean => "boolean",
        WebPaDataType.DateTime => "dateTime",
        WebPaDataType.Base64 => "base64",
        WebPaDataType.Long => "long",
        WebPaDataType.UnsignedLong => "unsignedLong",
        WebPaDataType.Float => "float",
        WebPaDataType.Double => "double",
        WebPaDataType.Byte => "byte",
        _ => "string",
    };
}
