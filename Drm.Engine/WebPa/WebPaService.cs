using Drm.Engine.Jobs;
using Drm.Engine.Tenancy;
using Drm.Engine.Tr181;
using Drm.Engine.Users;
using Drm.Protocols.WebPa;

namespace Drm.Engine.WebPa;

/// <summary>
/// Queues WEBPA_GET and WEBPA_SET jobs. A set is checked against the TR-181 catalog the caller sees before anything is
/// queued, and refused with every error found unless the caller forces it.
/// </summary>
public sealed class WebPaService(JobService jobs, Tr181Service tr181)
{
    public const int MaxNames = 128;
    public const int MaxSetParameters = 64;

    private static readonly (string Table, string Missing) Endpoint =
        ("webpa_endpoints", "The device has no WebPA endpoint; set one with setWebpaEndpoint first.");

    /// <summary>Reads parameters; a name ending in <c>.</c> reads every parameter under that object.</summary>
    public Task<Job> EnqueueGetAsync(TenantContext caller, Guid deviceId, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Require(UserRole.Operator);
        var checkedNames = Tr181Service.CheckedReadPaths(names, MaxNames);
        return jobs.EnqueueDeviceJobAsync(caller, deviceId, JobKind.WebPaGet, new { names = checkedNames }, null, Endpoint, cancellationToken);
    }

    public async Task<Job> EnqueueSetAsync(
        TenantContext caller, Guid deviceId, IReadOnlyList<WebPaSetItem> parameters, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Require(UserRole.Operator);
        ArgumentNullException.ThrowIfNull(parameters);
        var prepared = await tr181.PrepareSetAsync(
            caller, parameters.Select(p => new Tr181ValueInput(p.Name, p.Value)).ToList(), MaxSetParameters, force, cancellationToken).ConfigureAwait(false);
        var items = prepared.Select((p, i) => new
        {
            name = p.Path,
            value = p.Value,
            dataType = (int)(parameters[i].DataType ?? DataTypeOf(p.BaseType)),
        }).ToArray();
        return await jobs.EnqueueDeviceJobAsync(
            caller, deviceId, JobKind.WebPaSet, new { parameters = items, force }, items.Length, Endpoint, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The WDMP type WebPA agents expect for a TR-181 base type; a type they have no number for goes as a string.</summary>
    public static WebPaDataType DataTypeOf(string? baseType) => baseType switch
    {
        "int" => WebPaDataType.Int,
        "unsignedInt" => WebPaDataType.UnsignedInt,
        "boolean" => WebPaDataType.Boolean,
        "dateTime" => WebPaDataType.DateTime,
        "base64" => WebPaDataType.Base64,
        "long" => WebPaDataType.Long,
        "unsignedLong" => WebPaDataType.UnsignedLong,
        "decimal" => WebPaDataType.Double,
        _ => WebPaDataType.String,
    };
}
